/**
 * Common Danish first names and surnames, combined at random: the demo's people are fictional.
 * The municipality, its districts and institutions are invented too (".example" addresses).
 */
export const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Hanne',
  'Susanne',
  'Lene',
  'Camilla',
  'Louise',
  'Maria',
  'Sofie',
  'Ida',
  'Line',
  'Julie',
  'Peter',
  'Jens',
  'Lars',
  'Michael',
  'Henrik',
  'Thomas',
  'Søren',
  'Martin',
  'Rasmus',
  'Jesper',
  'Mads',
  'Niels',
] as const;

export const SURNAMES = [
  'Nielsen',
  'Jensen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Knudsen',
] as const;

export const DISTRICTS = ['Nord', 'Syd', 'Øst', 'Vest'] as const;

export const INSTITUTIONS = {
  dagtilbud: ['Børnehuset Mågen', 'Dagtilbud Engen', 'Børnehaven Solsikken', 'Vuggestuen Ællingen'],
  grundskole: ['Fjordby Skole', 'Engholm Skole', 'Kirkebakke Skole', 'Strandvejens Skole'],
  overbygningsskole: [
    'Fjordby Overbygning',
    'Bakkely Overbygningsskole',
    'Havnens Ungdomsskole',
    'Vestre Overbygning',
  ],
} as const;

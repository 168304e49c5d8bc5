import QRCode from 'qrcode';

/**
 * A link as a QR code a phone's camera opens: a PNG data URI, so the card carries the image itself
 * (about 2.5 KB for a parents' link, well inside a Teams card's 28 KB) and no second request to
 * Samspil's server is needed to show it. Error correction M survives a screen's glare.
 */
export function qrDataUri(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
}

import fs from 'node:fs';
import path from 'node:path';
import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { loadMunicipality } from '../../app/municipalityContext';
import { formatImportResult, importEnvOf, runImport } from '../../import/importer';
import { ImportFileError, readRows } from '../../import/read';
import { decodeImportFile } from '../../import/decode';
import { IMPORT_KINDS, ImportKind, kindFromColumns } from '../../import/schemas';

/** The file's text, or an ImportFileError saying in plain words why it cannot be read. */
function readImportFile(file: string): string {
  try {
    if (fs.statSync(file).isDirectory()) throw new ImportFileError(`${file} is a folder, not a file.`);
    return decodeImportFile(fs.readFileSync(file)).text;
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportFileError(`${file} does not exist.`);
    if (code === 'EACCES') throw new ImportFileError(`${file} cannot be read (no permission).`);
    throw new ImportFileError(`${file} cannot be read (${code ?? 'unknown error'}).`);
  }
}

export const importFile: Command = {
  usage: 'import FILE [--kind K] [--dry-run] [--municipality ID]',
  summary: 'import staff, teams, cases, measures or follow-ups from CSV or JSON',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      kind: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      municipality: { type: 'string' },
    });
    const file = positionals[0];
    if (!file) throw new UsageError('Name the file to import.');
    if (values.kind && !IMPORT_KINDS.includes(values.kind as ImportKind)) {
      throw new UsageError(`--kind must be one of ${IMPORT_KINDS.join(', ')}.`);
    }
    let rows;
    try {
      rows = readRows(readImportFile(file), path.basename(file));
    } catch (err) {
      if (err instanceof ImportFileError) {
        ctx.err(err.message);
        return 1;
      }
      throw err;
    }
    const kind =
      (values.kind as ImportKind | undefined) ?? kindFromColumns(Object.keys(rows[0]?.values ?? {}));
    if (!kind) throw new UsageError('Cannot tell what the file holds from its columns: give --kind.');
    return withStore(ctx, 'import', async (store) => {
      const municipalityId = await resolveMunicipalityId(store, ctx, values.municipality);
      const m = await loadMunicipality(store, municipalityId);
      const result = await runImport(
        store,
        { municipalityId, actor: 'cli:import' },
        importEnvOf(m, ctx.clock.now()),
        kind,
        rows,
        { dryRun: values['dry-run'] ?? false },
      );
      const text = formatImportResult(result);
      if (result.errors.length) {
        ctx.err(text);
        return 1;
      }
      ctx.out(text);
      return 0;
    });
  },
};

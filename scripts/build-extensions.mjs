// Builds the extension bundle with @directus/extensions-sdk. `--if-stale` skips the build when
// dist/ is newer than every source file (npm start and postinstall use it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'extensions', 'after-sales');
const outputs = ['dist/api.js', 'dist/app.js'].map((file) => path.join(bundle, file));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && outputs.every(existsSync)) {
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  // The bundle reads tables of the data model too (choices.mjs, stage-holders.mjs in scripts/model/).
  const sources = Math.max(
    newestSource(path.join(bundle, 'src')),
    newestSource(path.join(root, 'scripts', 'model')),
    statSync(path.join(bundle, 'package.json')).mtimeMs,
  );
  if (built >= sources) process.exit(0);
}

const cli = path.join(root, 'node_modules', '@directus', 'extensions-sdk', 'cli.js');
const result = spawnSync(process.execPath, [cli, 'build', '--no-minify'], { cwd: bundle, stdio: 'inherit' });
process.exit(result.status ?? 1);

#!/usr/bin/env node
// Builds core's static assets: the Tailwind CSS design system (static/css/wizamart.css, minified) and Alpine.js
// (static/js/alpine.min.js), both served by the host at /static/modules/core/… — no CDN.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

function buildCss() {
  const cli = path.join(packageDir('@tailwindcss/cli'), 'dist', 'index.mjs');
  const output = path.join(root, 'static', 'css', 'wizamart.css');
  mkdirSync(path.dirname(output), { recursive: true });
  const result = spawnSync(
    process.execPath,
    [cli, '--input', path.join(root, 'styles', 'wizamart.css'), '--output', output, '--minify'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`tailwindcss exited with ${result.status ?? result.signal}`);
  return output;
}

function copyAlpine() {
  const output = path.join(root, 'static', 'js', 'alpine.min.js');
  mkdirSync(path.dirname(output), { recursive: true });
  copyFileSync(path.join(packageDir('alpinejs'), 'dist', 'cdn.min.js'), output);
  return output;
}

try {
  for (const file of [buildCss(), copyAlpine()]) console.log(`core: built ${path.relative(root, file)}`);
} catch (error) {
  console.error(`core: asset build failed: ${error.message}`);
  process.exit(1);
}

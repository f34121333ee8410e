#!/usr/bin/env node
// Prints the allowed module graph of .dependency-cruiser.cjs (MODULE_GRAPH) as a mermaid diagram, the one
// in docs/ARCHITECTURE.md "Module boundaries". Run `npm run boundaries:graph` and paste its output there
// whenever MODULE_GRAPH changes.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { MODULE_GRAPH } = require('../.dependency-cruiser.cjs');

const id = (name) => name.replace(/-/g, '_');
const lines = ['```mermaid', 'graph LR'];
for (const [name, deps] of Object.entries(MODULE_GRAPH)) {
  if (!deps.length) lines.push(`  ${id(name)}[${name}]`);
  for (const dep of deps) lines.push(`  ${id(name)}[${name}] --> ${id(dep)}[${dep}]`);
}
lines.push('```');
console.log(lines.join('\n'));

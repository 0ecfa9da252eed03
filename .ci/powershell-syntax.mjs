// Parses every PowerShell file of the repository with the tree-sitter PowerShell
// grammar. There is no PowerShell on the CI machines, yet build.ps1, the manifest
// and the Pester suite run on users' machines: this at least catches a script that
// would not parse. Usage: node powershell-syntax.mjs <grammar.wasm> <file>...
import { Parser, Language } from 'web-tree-sitter';
import fs from 'fs';

const [grammar, ...files] = process.argv.slice(2);
await Parser.init();
const parser = new Parser();
parser.setLanguage(await Language.load(grammar));

let failed = 0;
for (const file of files) {
  const problems = [];
  const walk = node => {
    if (node.type === 'ERROR' || node.isMissing) problems.push(node);
    for (const child of node.children) walk(child);
  };
  walk(parser.parse(fs.readFileSync(file, 'utf8')).rootNode);
  console.log(`${file}: ${problems.length ? problems.length + ' syntax problem(s)' : 'parses'}`);
  for (const p of problems.slice(0, 5)) {
    const what = p.isMissing ? 'missing ' + p.type : 'cannot parse';
    console.log(`  line ${p.startPosition.row + 1}: ${what}: ${p.text.slice(0, 80).replace(/\n/g, ' ')}`);
  }
  if (problems.length) failed++;
}
console.log(`PowerShell syntax: ${files.length - failed} of ${files.length} file(s) parse`);
process.exit(failed ? 1 : 0);

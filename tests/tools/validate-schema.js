// Validates YAML documents against a JSON Schema (draft 2020-12) with ajv, reading YAML as the
// YAML language server does (the `yaml` package, YAML 1.2 core schema).
// Usage: node validate-schema.js SCHEMA.json DOC.yaml...
// Prints `PATH: valid` or `PATH: invalid` followed by the errors; exit 0 when all are valid,
// 1 when one is invalid, 2 on a usage or schema error.
'use strict';
const fs = require('node:fs');
const Ajv2020 = require('ajv/dist/2020').default;
const YAML = require('yaml');

const [schemaPath, ...documents] = process.argv.slice(2);
if (!schemaPath || documents.length === 0) {
  console.error('usage: node validate-schema.js SCHEMA.json DOC.yaml...');
  process.exit(2);
}
let validate;
try {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
} catch (e) {
  console.error(`schema error: ${e.message}`);
  process.exit(2);
}
let invalid = 0;
for (const path of documents) {
  const data = YAML.parse(fs.readFileSync(path, 'utf8'));
  if (validate(data)) {
    console.log(`${path}: valid`);
  } else {
    invalid++;
    console.log(`${path}: invalid`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
process.exit(invalid ? 1 : 0);

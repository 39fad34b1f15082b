// Validates an OpenAPI document against the official schema of its version (3.1 here) with
// @seriousme/openapi-schema-validator. Usage: node openapi.mjs <file.json>
// Prints `valid <version>` and exits 0, or prints the errors and exits 1.
import { Validator } from "@seriousme/openapi-schema-validator";

const file = process.argv[2];
if (!file) {
  console.error("usage: node openapi.mjs <file.json>");
  process.exit(2);
}
const validator = new Validator();
const result = await validator.validate(file);
if (result.valid) {
  console.log(`valid ${validator.version}`);
} else {
  console.log(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}

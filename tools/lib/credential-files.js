// Credential files on this machine: a VC or JSON Schema document read as the chain hashes it
// (strict UTF-8, duplicate keys refused). Node.js only; the rest is in credentials.js.

import { readFileSync } from 'node:fs';
import { describeCredential, parseJson } from './credentials.js';

/** A JSON file's value; throws saying whether it could not be read or is not valid JSON. */
export function readJson(file) {
  let text;
  try {
    // Fatal: a replacement character would silently change what is hashed.
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error.message}`);
  }
  try {
    return parseJson(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error.message}`);
  }
}

/** A credential file, read and checked: the document and `describeCredential`'s fields. */
export function readCredential(file) {
  const vc = readJson(file);
  try {
    return { vc, ...describeCredential(vc) };
  } catch (error) {
    throw new Error(`${file}: ${error.message}`);
  }
}

// Paperless credentials: a W3C Verifiable Credential 2.0 stays with its holder as a JSON file;
// the chain (`Credentials`) keeps only its hash and status. The hash is blake2b-256 of the UTF-8
// bytes of the document's JCS form (RFC 8785), so that any party re-serialising the same
// document (other key order, other whitespace) finds the same hash. No file access here, so that
// the citizen wallet (a web page) shares it; files are read by credential-files.js.

import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, checkAddress, decodeAddress } from '@polkadot/util-crypto';
import { SS58_PREFIX, didOf } from './citizens.js';
import { rpc } from './rpc.js';

/** The base context every VC 2.0 document lists first. */
const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
const DID_PREFIX = 'did:seoul:';
/** In a `u` regular expression, surrogates match only where they do not form a pair. */
const LONE_SURROGATE = /\p{Cs}/u;
/** An XML Schema dateTimeStamp, as VC 2.0 requires: with a zone, at most millisecond precision. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** `$.a.b[0]` style, to say where in a document something is wrong. */
function member(path, key) {
  return typeof key === 'number' ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function jcsString(text, path) {
  // I-JSON (RFC 7493), which JCS requires, has no lone surrogates; UTF-8 cannot carry them.
  if (LONE_SURROGATE.test(text)) throw new Error(`${path} holds a lone surrogate, which UTF-8 cannot encode`);
  // JSON.stringify escapes exactly as RFC 8785 §3.2.2.2 asks: \b \t \n \f \r, other controls
  // as lowercase \u00xx, " and \; everything else (U+2028, U+007F, non-ASCII) literal.
  return JSON.stringify(text);
}

/**
 * The JCS (RFC 8785) form of a JSON value: object keys sorted by UTF-16 code units, no
 * whitespace, ECMAScript string escapes and number forms (which RFC 8785 adopts). Throws on what
 * JSON cannot hold: non-finite numbers (JSON.parse makes Infinity of 1e400), undefined,
 * functions, BigInts and objects other than plain ones and arrays.
 */
export function canonicalize(value, path = '$') {
  if (value === null || value === true || value === false) return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}, which JSON cannot hold`);
    return JSON.stringify(value); // -0 becomes 0
  }
  if (typeof value === 'string') return jcsString(value, path);
  if (Array.isArray(value)) {
    return `[${Array.from(value, (item, index) => canonicalize(item, member(path, index))).join(',')}]`;
  }
  const prototype = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new Error(`${path} is ${value?.constructor?.name ?? typeof value}, which JSON cannot hold`);
  }
  // The default sort compares UTF-16 code units, as RFC 8785 §3.2.3 asks.
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${jcsString(key, path)}:${canonicalize(value[key], member(path, key))}`).join(',')}}`;
}

/** blake2b-256 of the UTF-8 bytes of the JCS form, 0x and lowercase hex. */
function jcsHash(value) {
  return u8aToHex(blake2AsU8a(new TextEncoder().encode(canonicalize(value)), 256));
}

/**
 * JSON.parse, refusing duplicate keys: JSON.parse keeps the last silently and other parsers
 * the first, so a document with them would mean different things to different verifiers.
 */
export function parseJson(text) {
  const value = JSON.parse(text);
  // The text is valid JSON now, so its strings and brackets can be told apart lexically. The
  // stack holds each open object's keys, or null for an array.
  const open = [];
  let expectKey = false;
  for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|[{}[\],]/g)) {
    if (token === '{' || token === '[') {
      open.push(token === '{' ? new Set() : null);
      expectKey = token === '{';
    } else if (token === '}' || token === ']') {
      open.pop();
      expectKey = false;
    } else if (token === ',') {
      expectKey = open.at(-1) !== null;
    } else if (expectKey) {
      const key = JSON.parse(token);
      if (open.at(-1).has(key)) throw new Error(`duplicate key ${token}`);
      open.at(-1).add(key);
      expectKey = false;
    }
  }
  return value;
}

/** The credential hash: what `Credentials.attest` records and `credentials_verify` looks up. */
export function credentialHash(vc) {
  return jcsHash(vc);
}

/** The hash of a JSON Schema document, as `Credentials.register_schema` records it. */
export function schemaHash(schema) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || typeof schema.$schema !== 'string') {
    throw new Error('not a JSON Schema document: a JSON object with a "$schema" string');
  }
  return jcsHash(schema);
}

/** The account of a `did:seoul:<address>` DID, as its SS58 address; throws if it is none. */
export function didToAddress(did, name = 'DID') {
  if (typeof did !== 'string' || !did.startsWith(DID_PREFIX)) {
    throw new Error(`${name} ${JSON.stringify(did)} is not a did:seoul DID (did:seoul:<SS58 address>)`);
  }
  const address = did.slice(DID_PREFIX.length);
  const [isAddress, reason] = checkAddress(address, SS58_PREFIX);
  if (!isAddress) throw new Error(`${name} ${did} does not hold an address of this chain (SS58 format ${SS58_PREFIX}): ${reason}`);
  if (decodeAddress(address).length !== 32) throw new Error(`${name} ${did} does not hold a 32-byte account`);
  return address;
}

/** Unix milliseconds of a VC date-time; throws unless it is one and names a real instant. */
function dateTime(name, text) {
  const match = typeof text === 'string' ? DATE_TIME.exec(text) : null;
  if (!match) {
    throw new Error(`${name} ${JSON.stringify(text)} is not a date-time such as 2026-02-20T00:00:00Z (a zone, at most milliseconds)`);
  }
  const fields = match.slice(1, 7).map(Number);
  fields[1] -= 1; // Date counts months from 0
  const [millis = '0', sign, zoneHours = '0', zoneMinutes = '0'] = match.slice(7);
  const local = new Date(Date.UTC(...fields, Number(millis.padEnd(3, '0'))));
  local.setUTCFullYear(fields[0]); // Date.UTC reads years 0 to 99 as 1900 to 1999
  // Date.UTC rolls 30 February into March and 24:00 into the next day; such dates do not exist.
  const back = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), local.getUTCHours(),
    local.getUTCMinutes(), local.getUTCSeconds()];
  const zone = Number(zoneHours) * 60 + Number(zoneMinutes);
  // Zones run from -14:00 to +14:00.
  if (back.some((field, index) => field !== fields[index]) || Number(zoneMinutes) > 59 || zone > 14 * 60) {
    throw new Error(`${name} ${text} is no real date and time`);
  }
  const offset = (sign === '-' ? -1 : 1) * zone * 60_000;
  const ms = local.getTime() - offset;
  if (ms < 0) throw new Error(`${name} ${text} is before 1970, which the chain cannot record`);
  return ms;
}

/**
 * What the chain records of a VC, read from the document and checked: its hash, its issuer's
 * and subject's accounts (SS58 addresses, from their did:seoul DIDs), its validity period in
 * Unix milliseconds (validUntil null if open-ended) and its schema's id (null if none).
 */
export function describeCredential(vc) {
  if (typeof vc !== 'object' || vc === null || Array.isArray(vc)) throw new Error('a credential is a JSON object');
  if (!Array.isArray(vc['@context']) || vc['@context'][0] !== VC_CONTEXT) {
    throw new Error(`not a Verifiable Credential 2.0: "@context" must be an array starting with "${VC_CONTEXT}"`);
  }
  const types = Array.isArray(vc.type) ? vc.type : [vc.type];
  if (!types.includes('VerifiableCredential')) throw new Error('not a Verifiable Credential: "type" lacks "VerifiableCredential"');
  const issuer = didToAddress(typeof vc.issuer === 'object' && vc.issuer !== null ? vc.issuer.id : vc.issuer, 'issuer');
  const subjectObject = vc.credentialSubject;
  if (typeof subjectObject !== 'object' || subjectObject === null || Array.isArray(subjectObject)) {
    throw new Error('credentialSubject must be one object: the chain records one subject');
  }
  const subject = didToAddress(subjectObject.id, 'credentialSubject.id');
  if (vc.validFrom === undefined) throw new Error('validFrom is missing: the chain records when a credential starts');
  const validFrom = dateTime('validFrom', vc.validFrom);
  const validUntil = vc.validUntil === undefined ? null : dateTime('validUntil', vc.validUntil);
  if (validUntil !== null && validUntil <= validFrom) throw new Error(`validUntil ${vc.validUntil} is not after validFrom ${vc.validFrom}`);
  let schema = null;
  if (vc.credentialSchema !== undefined) {
    schema = vc.credentialSchema?.id;
    if (typeof schema !== 'string') throw new Error('credentialSchema must be an object with an "id" string');
  }
  return { hash: credentialHash(vc), issuer, subject, validFrom, validUntil, schema };
}

/**
 * A credential's described fields against the chain's record of its hash (`credentials_verify`'s
 * JSON, or the wallet's same shape from the runtime API): the verdict is the chain's status, or
 * "mismatch" when the record names another issuer or subject, or other dates, than the document:
 * the hash alone would let anyone authorised for the schema attest a copy of another issuer's
 * credential.
 */
export function compareWithChain(credential, onChain) {
  const mismatches = [];
  if (onChain.status !== 'unknown') {
    const expected = {
      issuer: credential.issuer,
      subject: didOf(credential.subject),
      validFrom: credential.validFrom,
      validUntil: credential.validUntil,
    };
    for (const [field, file] of Object.entries(expected)) {
      const chain = onChain[field] ?? null;
      if (chain !== file) mismatches.push({ field, file, chain });
    }
  }
  return { verdict: mismatches.length > 0 ? 'mismatch' : onChain.status, onChain, mismatches };
}

/**
 * Asks a node about a credential (`credentials_verify`): `node` is an RPC port (HTTP) or a
 * provider with `send`, such as a WsProvider. Resolves to `compareWithChain`'s verdict.
 */
export async function verifyCredential(node, vc) {
  const credential = describeCredential(vc);
  const send = typeof node === 'number'
    ? (method, params) => rpc(node, method, params)
    : (method, params) => node.send(method, params);
  return compareWithChain(credential, await send('credentials_verify', [credential.hash]));
}

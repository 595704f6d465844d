// Credential hashing without a node: JCS (RFC 8785) against the RFC's examples, the example
// credentials' and schemas' hashes pinned and computed again independently (Python), what
// changes a hash and what does not, the checks on a credential file, verification against a
// stand-in RPC server, and bin/credential.js (through scripts/credential.sh too) with its errors.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import { SS58_PREFIX, didOf } from 'seoul-chain-tools/lib/citizens.js';
import { readCredential, readJson } from 'seoul-chain-tools/lib/credential-files.js';
import {
  canonicalize, credentialHash, describeCredential, didToAddress, parseJson, schemaHash, verifyCredential,
} from 'seoul-chain-tools/lib/credentials.js';
import { freePort } from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'tools/bin/credential.js');
const FIXTURES = path.join(repoRoot, 'e2e/fixtures/credentials');
const DEGREE = path.join(FIXTURES, 'university-degree.json');
const COOK = path.join(FIXTURES, 'cook-qualification.json');
const DEGREE_SCHEMA = path.join(FIXTURES, 'degree.schema.json');
const COOK_SCHEMA = path.join(FIXTURES, 'cook-qualification.schema.json');

/** The example files' hashes, computed by this tool and by Python's json and hashlib alike. */
const HASHES = {
  [DEGREE]: '0x10ed673e5b65609affb56340b3b316fa4e13f4796333392b3f73d2c88269c094',
  [COOK]: '0x75a1b401a664e4a75693333d4fdf6009c6267eee9c1b2e3f30c57f324b134006',
  [DEGREE_SCHEMA]: '0x399819991f6209126c1a8ad44b679f8c7671c281a3ceb4b3dc11d3c454a978d7',
  [COOK_SCHEMA]: '0x0d0cb2da9841ea093bf95a2b2e5131b7fe954500498ddfd354a637dcd5353d1e',
};
/** Dev accounts in the chain's SS58 format, as `Keyring` derives them. */
const DAVE = 'f9jpQ5rq4Aysfn2KwxXNVHgSj5WhMtkLrtZwd67WoN6EAguos';
const UNIVERSITY = 'f9pD7KGPqswdaytkNvAxc6dbDLVqv2TtmJaxhRhbXXhyjauF5';
const HRD_SERVICE = 'f9mj75J9qsSU7tDs6j54aF5XrgFxa3o2Zyh4x5d6FyWAVkg76';
/** What `hash` prints of each example after the hash. */
const SUMMARIES = {
  [DEGREE]: {
    hash: HASHES[DEGREE],
    issuer: UNIVERSITY,
    subject: DAVE,
    validFrom: Date.UTC(2026, 1, 20), // 2026-02-20T00:00:00Z
    validUntil: null,
    schema: 'urn:seoul:schema:bachelor-degree',
  },
  [COOK]: {
    hash: HASHES[COOK],
    issuer: HRD_SERVICE,
    subject: DAVE,
    validFrom: Date.UTC(2025, 4, 31, 15), // 2025-06-01T00:00:00+09:00
    validUntil: Date.UTC(2030, 4, 31, 15), // 2030-06-01T00:00:00+09:00
    schema: 'urn:seoul:schema:cook-qualification',
  },
};

const scratch = mkdtempSync(path.join(os.tmpdir(), 'seoul-credential-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const degree = () => JSON.parse(readFileSync(DEGREE, 'utf8'));

/** Writes `content` (a value as JSON, or text or bytes as is) to a scratch file; its path. */
let written = 0;
function scratchFile(content, name = `file-${written++}.json`) {
  const file = path.join(scratch, name);
  writeFileSync(file, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content, null, 2));
  return file;
}

function run(args, { script = false } = {}) {
  const [command, commandArgs] = script
    ? [path.join(repoRoot, 'scripts/credential.sh'), args]
    : [process.execPath, [BIN, ...args]];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `run`, without blocking this process: for commands that talk to a server in it. */
function runAsync(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Exit 2, one `Error: ` line on stderr matching `pattern`, nothing on stdout, no stack. */
function assertCleanFailure({ status, stdout, stderr }, pattern, what = String(pattern)) {
  assert.equal(status, 2, `${what}: exit status (stderr: ${stderr})`);
  const [first] = stderr.split('\n');
  assert.match(first, /^Error: /, what);
  assert.match(first, pattern, what);
  assert.doesNotMatch(stderr, /\n\s+at |node:internal|TypeError|RangeError/, what);
  assert.equal(stdout, '', `${what}: nothing on stdout`);
}

/** The double whose IEEE 754 bits are `hex`. */
function double(hex) {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** `value` with every object's keys in reverse order. */
function reversedKeys(value) {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reversedKeys(value[key])]));
}

describe('JCS (RFC 8785)', () => {
  test('the RFC\'s example of §3.2.2: literals, numbers and string escapes', () => {
    const input = '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n'
      + '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n  "literals": [null, true, false]\n}';
    assert.equal(
      canonicalize(JSON.parse(input)),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        + '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  test('the RFC\'s sorting example of §3.2.3: keys by UTF-16 code units, non-ASCII literal', () => {
    const input = '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", '
      + '"1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", '
      + '"\\u00f6": "Latin Small Letter O With Diaeresis"}';
    // U+1F600 (surrogates D83D DE00) sorts before U+FB33, unlike by code point.
    assert.equal(
      canonicalize(JSON.parse(input)),
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",'
        + '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  test('the RFC\'s number examples of Appendix B, from their IEEE 754 bits', () => {
    const cases = [
      ['0000000000000000', '0'], ['8000000000000000', '0'], ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'], ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'], ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'], ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'], ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'], ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'], ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'], ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'], ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'], ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'], ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of cases) assert.equal(canonicalize(double(bits)), expected, bits);
    for (const bits of ['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000']) {
      assert.throws(() => canonicalize(double(bits)), /which JSON cannot hold/, bits);
    }
  });

  test('numbers as written in a document', () => {
    const input = '[1e21, 1E-7, -0, 0.0, 4.50, 2e-3, 1e20, 100, 1E+2, 0.000001, 1e-6, -1.5e-10, 12345678901234567890]';
    assert.equal(
      canonicalize(JSON.parse(input)),
      '[1e+21,1e-7,0,0,4.5,0.002,100000000000000000000,100,100,0.000001,0.000001,-1.5e-10,12345678901234567000]',
    );
  });

  test('string escapes: short forms, other controls as lowercase \\u00xx, the rest literal', () => {
    const input = '"\\u0000\\u0001\\b\\t\\n\\u000B\\f\\r\\u001F\\u007f \\u2028\\u2029 \\/ \\" \\\\ \\u00e9 \\uD55C \\uD83D\\uDE00"';
    assert.equal(
      canonicalize(JSON.parse(input)),
      '"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\u007f \u2028\u2029 / \\" \\\\ é 한 😀"',
    );
  });

  test('nesting: arrays keep their order, objects at every depth are sorted, no whitespace', () => {
    const value = { b: [3, { z: 1, y: [] }, 'x'], a: { d: {}, c: null }, '': true, B: false, 10: 'ten', 9: 'nine' };
    assert.equal(
      canonicalize(value),
      '{"":true,"10":"ten","9":"nine","B":false,"a":{"c":null,"d":{}},"b":[3,{"y":[],"z":1},"x"]}',
    );
    assert.deepEqual(JSON.parse(canonicalize(value)), value, 'the canonical form is the same JSON value');
  });

  test('what JSON cannot hold is refused, saying where', () => {
    const cases = [
      [{ a: [1, Number.NaN] }, /^Error: \$\.a\[1\] is NaN, which JSON cannot hold$/],
      [JSON.parse('{"big": 1e400}'), /^Error: \$\.big is Infinity/],
      [{ a: { 'b c': undefined } }, /^Error: \$\.a\["b c"\] is undefined/],
      [[() => 1], /^Error: \$\[0\] is Function/],
      [{ n: 1n }, /^Error: \$\.n is BigInt, which JSON cannot hold$/],
      [{ when: new Date(0) }, /^Error: \$\.when is Date/],
      [new Map(), /^Error: \$ is Map/],
      [{ text: 'a\ud800b' }, /^Error: \$\.text holds a lone surrogate/],
      [{ '\udc00': 1 }, /^Error: \$ holds a lone surrogate/],
    ];
    for (const [value, pattern] of cases) assert.throws(() => canonicalize(value), pattern, String(pattern));
    assert.equal(canonicalize(Object.assign(Object.create(null), { b: 1, a: 2 })), '{"a":2,"b":1}');
  });

  test('duplicate keys are refused at any depth; equal keys in different objects are not', () => {
    assert.throws(() => parseJson('{"a": 1, "a": 2}'), /^Error: duplicate key "a"$/);
    assert.throws(() => parseJson('{"a": 1, "\\u0061": 2}'), /duplicate key "\\u0061"/, 'the same key escaped');
    assert.throws(() => parseJson('[{"x": {"b": 1, "c": [], "b": 2}}]'), /duplicate key "b"/);
    assert.throws(() => parseJson('{"a": {"b": 1}, "c": 2, "a": 3}'), /duplicate key "a"/);
    assert.deepEqual(parseJson('{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}], "c": "a", "d": ["a", "a"], "e": "\\"a\\""}'), {
      a: { a: 1 }, b: [{ a: 2 }, { a: 3 }], c: 'a', d: ['a', 'a'], e: '"a"',
    });
    assert.deepEqual(parseJson('{"{": "[", "a,b": {"}": ","}, "\\\\": 1}'), { '{': '[', 'a,b': { '}': ',' }, '\\': 1 });
    assert.throws(() => parseJson('{"a": 1,}'), SyntaxError);
  });
});

describe('credential and schema hashes', () => {
  test('the example files\' hashes are pinned', () => {
    assert.equal(credentialHash(readJson(DEGREE)), HASHES[DEGREE]);
    assert.equal(credentialHash(readJson(COOK)), HASHES[COOK]);
    assert.equal(schemaHash(readJson(DEGREE_SCHEMA)), HASHES[DEGREE_SCHEMA]);
    assert.equal(schemaHash(readJson(COOK_SCHEMA)), HASHES[COOK_SCHEMA]);
    for (const file of [DEGREE, COOK]) {
      const { vc, ...summary } = readCredential(file);
      assert.deepEqual(summary, SUMMARIES[file], file);
      assert.deepEqual(vc, readJson(file));
    }
  });

  test('the example accounts are the dev keys\' and their DIDs round-trip', async () => {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    assert.equal(keyring.addFromUri('//Dave').address, DAVE);
    assert.equal(keyring.addFromUri('//SeoulNationalUniversity').address, UNIVERSITY);
    assert.equal(keyring.addFromUri('//HumanResourcesDevelopmentService').address, HRD_SERVICE);
    for (const address of [DAVE, UNIVERSITY, HRD_SERVICE]) assert.equal(didToAddress(didOf(address)), address);
  });

  const hasPython = !spawnSync('python3', ['--version']).error;

  test('Python\'s json and hashlib give the same hashes', { skip: !hasPython && 'python3 is not installed' }, () => {
    // Python's sorted, compact, non-ASCII-literal dump is JCS for documents without floats or
    // non-BMP keys, which the examples have none of.
    const script = 'import hashlib, json, sys\n'
      + 'for name in sys.argv[1:]:\n'
      + '    text = json.dumps(json.load(open(name, encoding="utf-8")), sort_keys=True, separators=(",", ":"), ensure_ascii=False)\n'
      + '    print(hashlib.blake2b(text.encode("utf-8"), digest_size=32).hexdigest())\n';
    const files = Object.keys(HASHES);
    const python = spawnSync('python3', ['-c', script, ...files], { encoding: 'utf8' });
    assert.equal(python.status, 0, python.stderr);
    assert.deepEqual(python.stdout.trim().split('\n').map((hex) => `0x${hex}`), files.map((file) => HASHES[file]));
  });

  const hasJsonSchema = hasPython && spawnSync('python3', ['-c', 'import jsonschema']).status === 0;

  test('the examples conform to their schemas (Python jsonschema)', { skip: !hasJsonSchema && 'python3 jsonschema is not installed' }, () => {
    const script = 'import json, sys\n'
      + 'from jsonschema import Draft202012Validator, FormatChecker\n'
      + 'schema, document = (json.load(open(name, encoding="utf-8")) for name in sys.argv[1:])\n'
      + 'Draft202012Validator.check_schema(schema)\n'
      + 'errors = [error.message for error in Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(document)]\n'
      + 'print(json.dumps(errors))\n';
    const check = (schema, document) => {
      const python = spawnSync('python3', ['-c', script, schema, document], { encoding: 'utf8' });
      assert.equal(python.status, 0, python.stderr);
      return JSON.parse(python.stdout);
    };
    assert.deepEqual(check(DEGREE_SCHEMA, DEGREE), []);
    assert.deepEqual(check(COOK_SCHEMA, COOK), []);
    assert.notDeepEqual(check(DEGREE_SCHEMA, COOK), [], 'a cook\'s qualification is no degree');
  });

  test('key order and whitespace do not change a hash', () => {
    const vc = degree();
    const layouts = {
      reversed: JSON.stringify(reversedKeys(vc)),
      compact: JSON.stringify(vc),
      indented: JSON.stringify(reversedKeys(vc), null, '\t'),
      'CRLF and spaces': JSON.stringify(vc, null, 4).replaceAll('\n', '\r\n  '),
      escaped: JSON.stringify(vc).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
      'with a BOM': `\ufeff${JSON.stringify(vc)}`,
    };
    assert.notEqual(layouts.escaped, layouts.compact, 'the Korean text escaped');
    for (const [name, text] of Object.entries(layouts)) {
      assert.equal(readCredential(scratchFile(text)).hash, HASHES[DEGREE], name);
    }
  });

  test('any altered value changes the hash', () => {
    const alterations = {
      'one letter of the name': (vc) => { vc.credentialSubject.name = '김하눌'; },
      'the degree': (vc) => { vc.credentialSubject.degree.name = vc.credentialSubject.degree.name.replace('공학사', '공학석사'); },
      'a trailing space': (vc) => { vc.credentialSubject.degree.field += ' '; },
      'validFrom by a second': (vc) => { vc.validFrom = '2026-02-20T00:00:01Z'; },
      'the same instant written otherwise': (vc) => { vc.validFrom = '2026-02-20T09:00:00+09:00'; },
      'the order of types': (vc) => { vc.type.reverse(); },
      'a property added': (vc) => { vc.credentialSubject.degree.honours = 'cum laude'; },
      'a proof added': (vc) => { vc.proof = { type: 'DataIntegrityProof' }; },
      'the certificate number': (vc) => { vc.credentialSubject.degree.certificateNumber = 'SNU-2026-B-004218'; },
    };
    const seen = new Set([HASHES[DEGREE]]);
    for (const [name, alter] of Object.entries(alterations)) {
      const vc = degree();
      alter(vc);
      const hash = credentialHash(vc);
      assert.ok(!seen.has(hash), name);
      seen.add(hash);
    }
  });

  test('only a JSON Schema document has a schema hash', () => {
    for (const value of [[], null, 'schema', { title: 'no $schema' }, { $schema: 1 }]) {
      assert.throws(() => schemaHash(value), /not a JSON Schema document/, JSON.stringify(value));
    }
  });
});

describe('reading a credential', () => {
  /** The degree with `change` made, written to a scratch file. */
  const variant = (change) => {
    const vc = degree();
    change(vc);
    return scratchFile(vc);
  };
  const genericDave = encodeAddress(didToAddress(didOf(DAVE)), 42);

  /** [what, file, what the error says]: each must be refused by readCredential and `hash`. */
  const invalid = () => [
    ['a missing file', path.join(scratch, 'missing.json'), /cannot read .*missing\.json: ENOENT/],
    ['a directory', scratch, /cannot read .*: EISDIR/],
    ['invalid JSON', scratchFile('{"issuer": "did:seoul:x",}'), /is not valid JSON: /],
    ['an empty file', scratchFile(''), /is not valid JSON: /],
    ['invalid UTF-8', scratchFile(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])), /cannot read .*: The encoded data was not valid for encoding utf-8/],
    ['a duplicate key', scratchFile(readFileSync(DEGREE, 'utf8').replace('"validFrom"', '"validFrom": "2020-01-01T00:00:00Z",\n  "validFrom"')), /is not valid JSON: duplicate key "validFrom"/],
    ['an infinite number', scratchFile(readFileSync(DEGREE, 'utf8').replace('"name": "김하늘"', '"age": 1e400')), /\$\.credentialSubject\.age is Infinity/],
    ['an array', scratchFile([degree()]), /a credential is a JSON object/],
    ['no VC 2.0 context', variant((vc) => { vc['@context'] = ['https://www.w3.org/2018/credentials/v1']; }), /not a Verifiable Credential 2\.0: "@context"/],
    ['no VerifiableCredential type', variant((vc) => { vc.type = ['BachelorDegreeCredential']; }), /"type" lacks "VerifiableCredential"/],
    ['an issuer of another DID method', variant((vc) => { vc.issuer.id = 'did:web:snu.ac.kr'; }), /issuer "did:web:snu\.ac\.kr" is not a did:seoul DID/],
    ['an issuer without id', variant((vc) => { delete vc.issuer.id; }), /issuer undefined is not a did:seoul DID/],
    ['an issuer as a number', variant((vc) => { vc.issuer = 7; }), /issuer 7 is not a did:seoul DID/],
    ['a subject of another DID method', variant((vc) => { vc.credentialSubject.id = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'; }), /credentialSubject\.id "did:key:.*" is not a did:seoul DID/],
    ['a subject in the generic SS58 format', variant((vc) => { vc.credentialSubject.id = `did:seoul:${genericDave}`; }), /credentialSubject\.id did:seoul:5\w+ does not hold an address of this chain \(SS58 format 8282\)/],
    ['a subject with a bad checksum', variant((vc) => { vc.credentialSubject.id = `did:seoul:${DAVE.slice(0, -1)}t`; }), /credentialSubject\.id .* does not hold an address of this chain/],
    ['a subject that is no address', variant((vc) => { vc.credentialSubject.id = 'did:seoul:dave'; }), /credentialSubject\.id did:seoul:dave does not hold an address/],
    ['subjects in an array', variant((vc) => { vc.credentialSubject = [vc.credentialSubject]; }), /credentialSubject must be one object/],
    ['no subject', variant((vc) => { delete vc.credentialSubject; }), /credentialSubject must be one object/],
    ['no validFrom', variant((vc) => { delete vc.validFrom; }), /validFrom is missing/],
    ['a date without a time', variant((vc) => { vc.validFrom = '2026-02-20'; }), /validFrom "2026-02-20" is not a date-time such as/],
    ['a date-time without a zone', variant((vc) => { vc.validFrom = '2026-02-20T00:00:00'; }), /validFrom "2026-02-20T00:00:00" is not a date-time/],
    ['a date in words', variant((vc) => { vc.validFrom = 'Fri, 20 Feb 2026 00:00:00 GMT'; }), /validFrom "Fri, 20 Feb 2026 00:00:00 GMT" is not a date-time/],
    ['a date as a number', variant((vc) => { vc.validFrom = 1771545600000; }), /validFrom 1771545600000 is not a date-time/],
    ['microseconds', variant((vc) => { vc.validFrom = '2026-02-20T00:00:00.000001Z'; }), /is not a date-time .*at most milliseconds/],
    ['30 February', variant((vc) => { vc.validFrom = '2026-02-30T00:00:00Z'; }), /validFrom 2026-02-30T00:00:00Z is no real date and time/],
    ['29 February of a common year', variant((vc) => { vc.validFrom = '2026-02-29T00:00:00Z'; }), /is no real date and time/],
    ['hour 24', variant((vc) => { vc.validFrom = '2026-02-20T24:00:00Z'; }), /is no real date and time/],
    ['a zone past 14 hours', variant((vc) => { vc.validFrom = '2026-02-20T00:00:00+15:00'; }), /is no real date and time/],
    ['a zone of 14:30', variant((vc) => { vc.validFrom = '2026-02-20T00:00:00-14:30'; }), /is no real date and time/],
    ['61 minutes of zone', variant((vc) => { vc.validFrom = '2026-02-20T00:00:00+09:61'; }), /is no real date and time/],
    ['a date before 1970', variant((vc) => { vc.validFrom = '1969-12-31T23:59:59Z'; }), /before 1970/],
    ['a year of the first century', variant((vc) => { vc.validFrom = '0050-02-20T00:00:00Z'; }), /validFrom 0050-02-20T00:00:00Z is before 1970/],
    ['a bad validUntil', variant((vc) => { vc.validUntil = '2030-13-01T00:00:00Z'; }), /validUntil 2030-13-01T00:00:00Z is no real date/],
    ['validUntil before validFrom', variant((vc) => { vc.validUntil = '2026-02-19T23:59:59Z'; }), /validUntil 2026-02-19T23:59:59Z is not after validFrom 2026-02-20T00:00:00Z/],
    ['a credentialSchema without id', variant((vc) => { vc.credentialSchema = { type: 'JsonSchema' }; }), /credentialSchema must be an object with an "id" string/],
  ];

  test('dates become Unix milliseconds, whatever the zone', () => {
    const dates = {
      '2026-02-20T00:00:00Z': Date.UTC(2026, 1, 20),
      '2026-02-20T09:00:00+09:00': Date.UTC(2026, 1, 20),
      '2026-02-19T19:30:00-04:30': Date.UTC(2026, 1, 20),
      '2026-02-20T14:00:00+14:00': Date.UTC(2026, 1, 20),
      '2026-02-19T10:00:00-14:00': Date.UTC(2026, 1, 20),
      '2024-02-29T12:34:56.7Z': Date.UTC(2024, 1, 29, 12, 34, 56, 700),
      '2024-02-29T12:34:56.078Z': Date.UTC(2024, 1, 29, 12, 34, 56, 78),
      '1970-01-01T09:00:00+09:00': 0,
      '9999-12-31T23:59:59.999Z': Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    };
    for (const [text, ms] of Object.entries(dates)) {
      const vc = degree();
      vc.validFrom = text;
      assert.equal(describeCredential(vc).validFrom, ms, text);
    }
  });

  test('a plain string issuer and no credentialSchema are read too', () => {
    const vc = degree();
    vc.issuer = vc.issuer.id;
    delete vc.credentialSchema;
    const { issuer, schema } = describeCredential(vc);
    assert.equal(issuer, UNIVERSITY);
    assert.equal(schema, null);
  });

  test('each invalid file is refused by the library, saying what is wrong', () => {
    for (const [what, file, pattern] of invalid()) assert.throws(() => readCredential(file), pattern, what);
  });

  test('each invalid file makes `hash` and `verify` exit 2 with one clear line', () => {
    for (const [what, file, pattern] of invalid()) {
      assertCleanFailure(run(['hash', file]), pattern, `hash: ${what}`);
    }
    // Before any node is asked: the port is closed.
    const [what, file, pattern] = invalid().find(([name]) => name === 'a subject in the generic SS58 format');
    assertCleanFailure(run(['verify', file, '--ws', 'ws://127.0.0.1:9']), pattern, `verify: ${what}`);
  });
});

/**
 * A stand-in for a node's RPC server, over HTTP and WebSocket (unfragmented text frames under
 * 64 KiB, which is all a JSON-RPC call of credentials_verify needs), answering with
 * `answer(method, params)` or, if it throws, the JSON-RPC error "method not found".
 */
async function fakeNode(answer) {
  const reply = (text) => {
    const { id, method, params } = JSON.parse(text);
    try {
      return JSON.stringify({ jsonrpc: '2.0', id, result: answer(method, params) });
    } catch (error) {
      return JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32601, message: error.message } });
    }
  };
  const frame = (opcode, text) => {
    const payload = Buffer.from(text);
    const length = payload.length < 126 ? [payload.length] : [126, payload.length >> 8, payload.length & 0xff];
    return Buffer.concat([Buffer.from([0x80 | opcode, ...length]), payload]);
  };
  const sockets = new Set();
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => response.setHeader('Content-Type', 'application/json').end(reply(body)));
  });
  server.on('upgrade', (request, socket) => {
    sockets.add(socket);
    const accept = createHash('sha1').update(`${request.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const short = buffer.length >= 2 ? buffer[1] & 0x7f : 0;
        const offset = short === 126 ? 4 : 2;
        const length = short === 126 && buffer.length >= 4 ? buffer.readUInt16BE(2) : short;
        if (buffer.length < 2 || buffer.length < offset + 4 + length) return;
        const mask = buffer.subarray(offset, offset + 4);
        const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length).map((byte, i) => byte ^ mask[i % 4]));
        const opcode = buffer[0] & 0x0f;
        buffer = buffer.subarray(offset + 4 + length);
        if (opcode === 8) socket.end(frame(8, ''));
        else if (opcode === 1) socket.write(frame(1, reply(payload.toString())));
      }
    });
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('verification against a node', () => {
  /** The chain's record of the degree, as credentials_verify shows a valid one. */
  const record = {
    hash: HASHES[DEGREE],
    status: 'valid',
    issuer: UNIVERSITY,
    attester: UNIVERSITY,
    subject: didOf(DAVE),
    schema: HASHES[DEGREE_SCHEMA],
    validFrom: SUMMARIES[DEGREE].validFrom,
    validUntil: null,
    attestedAt: 12,
  };
  /** What the stand-in node answers for each hash; set by each test. */
  let chain;
  let node;

  before(async () => {
    node = await fakeNode((method, [hash, ...rest]) => {
      if (method !== 'credentials_verify' || rest.length > 0) throw new Error(`Method not found: ${method}`);
      return chain[hash] ?? { hash, status: 'unknown' };
    });
  });
  after(() => node?.close());

  const mismatchCases = [
    ['issuer', { issuer: HRD_SERVICE }, { field: 'issuer', file: UNIVERSITY, chain: HRD_SERVICE }],
    ['subject', { subject: didOf(UNIVERSITY) }, { field: 'subject', file: didOf(DAVE), chain: didOf(UNIVERSITY) }],
    ['validFrom', { validFrom: record.validFrom + 1 }, { field: 'validFrom', file: record.validFrom, chain: record.validFrom + 1 }],
    ['validUntil', { validUntil: record.validFrom + 1000 }, { field: 'validUntil', file: null, chain: record.validFrom + 1000 }],
  ];

  test('the library reports the chain\'s status, or a mismatch, over HTTP and through a provider', async () => {
    const vc = degree();
    const provider = { send: (method, params) => fetch(`http://127.0.0.1:${node.port}`, {
      method: 'POST', body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
    }).then((response) => response.json()).then(({ result }) => result) };
    for (const transport of [node.port, provider]) {
      chain = {};
      assert.deepEqual(await verifyCredential(transport, vc), {
        verdict: 'unknown', onChain: { hash: HASHES[DEGREE], status: 'unknown' }, mismatches: [],
      });
      for (const status of ['valid', 'suspended', 'expired', 'notYetValid']) {
        chain = { [HASHES[DEGREE]]: { ...record, status } };
        assert.deepEqual(await verifyCredential(transport, vc), { verdict: status, onChain: chain[HASHES[DEGREE]], mismatches: [] });
      }
      chain = { [HASHES[DEGREE]]: { ...record, status: 'revoked', revokedAt: 20 } };
      assert.equal((await verifyCredential(transport, vc)).verdict, 'revoked');
      for (const [what, change, mismatch] of mismatchCases) {
        chain = { [HASHES[DEGREE]]: { ...record, ...change } };
        assert.deepEqual(await verifyCredential(transport, vc), {
          verdict: 'mismatch', onChain: chain[HASHES[DEGREE]], mismatches: [mismatch],
        }, what);
      }
    }
    await assert.rejects(verifyCredential(node.port, { ...vc, validFrom: 'soon' }), /validFrom "soon" is not a date-time/);
  });

  test('`verify` prints the verdict and the record, and exits 0 only when valid', async () => {
    chain = { [HASHES[DEGREE]]: record };
    const valid = await runAsync(['verify', DEGREE, '--ws', node.url]);
    assert.equal(valid.status, 0, valid.stderr);
    const [verdict, ...json] = valid.stdout.split('\n');
    assert.equal(verdict, 'valid');
    assert.deepEqual(JSON.parse(json.join('\n')), { hash: HASHES[DEGREE], verdict: 'valid', onChain: record, mismatches: [] });
    assert.equal(valid.stderr, '');

    for (const status of ['revoked', 'suspended', 'expired', 'notYetValid']) {
      chain = { [HASHES[DEGREE]]: { ...record, status } };
      const result = await runAsync(['verify', DEGREE, '--ws', node.url]);
      assert.equal(result.status, 1, status);
      assert.equal(result.stdout.split('\n')[0], status);
      assert.equal(JSON.parse(result.stdout.slice(result.stdout.indexOf('\n'))).onChain.status, status);
    }

    chain = { [HASHES[DEGREE]]: { ...record, issuer: HRD_SERVICE } };
    const mismatch = await runAsync(['verify', DEGREE, '--ws', node.url]);
    assert.equal(mismatch.status, 1);
    assert.equal(mismatch.stdout.split('\n')[0], 'mismatch');
    assert.deepEqual(JSON.parse(mismatch.stdout.slice(mismatch.stdout.indexOf('\n'))).mismatches, [mismatchCases[0][2]]);

    chain = {};
    const unknown = await runAsync(['verify', COOK, '--ws', node.url]);
    assert.equal(unknown.status, 1);
    assert.equal(unknown.stdout.split('\n')[0], 'unknown');
  });

  test('a node without credentials_verify, or none at all, makes `verify` exit 2', async () => {
    const other = await fakeNode(() => { throw new Error('Method not found'); });
    try {
      assertCleanFailure(await runAsync(['verify', DEGREE, '--ws', other.url]), new RegExp(`^Error: credentials_verify failed at ${other.url}: .*Method not found`));
    } finally {
      await other.close();
    }
    const url = `ws://127.0.0.1:${await freePort()}`;
    assertCleanFailure(await runAsync(['verify', DEGREE, '--ws', url]), new RegExp(`^Error: cannot reach ${url}: \\S`));
  });
});

describe('credential command line', () => {
  test('hash prints the hash, then the summary as JSON', () => {
    for (const file of [DEGREE, COOK]) {
      const result = run(['hash', file]);
      assert.equal(result.status, 0, result.stderr);
      const [first, ...json] = result.stdout.split('\n');
      assert.equal(first, HASHES[file]);
      assert.deepEqual(JSON.parse(json.join('\n')), SUMMARIES[file]);
      assert.equal(result.stderr, '');
    }
  });

  test('schema-hash prints the hash alone', () => {
    for (const file of [DEGREE_SCHEMA, COOK_SCHEMA]) {
      const result = run(['schema-hash', file]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `${HASHES[file]}\n`);
    }
    assertCleanFailure(run(['schema-hash', DEGREE]), /university-degree\.json: not a JSON Schema document/);
    assertCleanFailure(run(['schema-hash', path.join(scratch, 'missing.json')]), /cannot read .*missing\.json/);
  });

  test('bad usage exits 2 with the error first and no stack trace', () => {
    const usageFailure = ({ status, stderr }, pattern) => {
      assert.equal(status, 2, stderr);
      assert.match(stderr.split('\n')[0], pattern);
      assert.match(stderr, /Usage: scripts\/credential\.sh/);
      assert.doesNotMatch(stderr, /\n\s+at /);
    };
    usageFailure(run([]), /^Error: no command given$/);
    usageFailure(run(['sign', DEGREE]), /^Error: unknown command "sign"$/);
    usageFailure(run(['hash']), /^Error: expected one file argument, got 0$/);
    usageFailure(run(['hash', DEGREE, COOK]), /^Error: expected one file argument, got 2$/);
    usageFailure(run(['hash', DEGREE, '--ws', 'ws://127.0.0.1:9944']), /^Error: Unknown option '--ws'/);
    usageFailure(run(['verify', DEGREE, '--frobnicate']), /^Error: Unknown option '--frobnicate'/);
    assertCleanFailure(run(['verify', DEGREE, '--ws', 'http://127.0.0.1:9944']), /^Error: --ws takes a ws:\/\/ or wss:\/\/ URL, not "http:\/\/127\.0\.0\.1:9944"$/);
    const help = run(['verify', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: scripts\/credential\.sh <command>/);
  });

  test('scripts/credential.sh runs the tool', () => {
    const help = run(['--help'], { script: true });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: scripts\/credential\.sh <command>/);
    const hashed = run(['hash', COOK], { script: true });
    assert.equal(hashed.status, 0, hashed.stderr);
    assert.equal(hashed.stdout.split('\n')[0], HASHES[COOK]);
    assertCleanFailure(run(['hash', path.join(scratch, 'missing.json')], { script: true }), /cannot read/);
  });
});

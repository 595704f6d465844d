// Paperless credentials against `seoul-node --dev` with a stock @polkadot/api client: the city
// registers a degree schema and authorises a university, which attests a graduate's degree by
// the hash bin/credential.js computes; the graduate submits it to an employer, who acknowledges
// it; the university revokes it; and `credential.js verify` follows each step, as do an altered
// copy and a cook's qualification before and after its attestation.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { SS58_PREFIX, didOf } from 'seoul-chain-tools/lib/citizens.js';
import { readCredential, readJson } from 'seoul-chain-tools/lib/credential-files.js';
import { credentialHash, schemaHash } from 'seoul-chain-tools/lib/credentials.js';
import { connect, eventData as palletEventData, rpc, runTool, startNode, submit, sudo } from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'tools/bin/credential.js');
const FIXTURES = path.join(repoRoot, 'e2e/fixtures/credentials');
const DEGREE = path.join(FIXTURES, 'university-degree.json');
const COOK = path.join(FIXTURES, 'cook-qualification.json');
/** Why the graduate shows the degree, hashed: the purpose never goes on chain as text. */
const PURPOSE_HASH = blake2AsHex('job application 2026-11');

/** The fields of a `credentials_verify` answer this test knows; the RPC may add others. */
const RECORD_FIELDS = ['hash', 'status', 'issuer', 'attester', 'subject', 'schema', 'validFrom', 'validUntil', 'attestedAt', 'revokedAt'];
const known = (record) => Object.fromEntries(RECORD_FIELDS.filter((field) => field in record).map((field) => [field, record[field]]));

/** Runs tools/bin/credential.js: its exit status, stdout and stderr, whatever the status. */
const tool = (args) => runTool(BIN, args);

/** `credential.js verify` of `file` against `node`: exit status, verdict line and JSON report. */
async function verifyWithTool(file, node) {
  const { status, stdout, stderr } = await tool(['verify', file, '--ws', node.url]);
  const newline = stdout.indexOf('\n');
  assert.ok(newline > 0, `verify printed a verdict (stderr: ${stderr})`);
  return { status, verdict: stdout.slice(0, newline), report: JSON.parse(stdout.slice(newline + 1)), stdout };
}

describe('credentials', () => {
  let node;
  let api;
  let alice;
  let dave;
  let ferdie;
  let university;
  let employer;
  let hrdService;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'seoul-credentials-'));
  const degree = readCredential(DEGREE);
  const cook = readCredential(COOK);
  const degreeSchema = schemaHash(readJson(path.join(FIXTURES, 'degree.schema.json')));
  const cookSchema = schemaHash(readJson(path.join(FIXTURES, 'cook-qualification.schema.json')));
  // Carried from step to step: the steps run in order on one chain.
  let attestedAt;
  let submittedAt;

  before(async () => {
    node = await startNode(['--dev'], { name: 'credentials' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    [alice, dave, ferdie, university, employer, hrdService] = [
      '//Alice', '//Dave', '//Ferdie', '//SeoulNationalUniversity', '//SeoulEmployer', '//HumanResourcesDevelopmentService',
    ].map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const blockNumberOf = async (hash) => (await api.rpc.chain.getHeader(hash)).number.toNumber();

  /** The fields of the `credentials.<name>` event among `events`, which must be there. */
  const eventData = (events, name) => palletEventData(api, events, 'credentials', name);

  /** The city (sudo, Alice, on the dev chain) registers an organisation of `kind` with `roles` and its key. */
  async function register(pair, kind, roles) {
    const evidence = blake2AsHex(`salt:${pair.address}:registration papers checked by the city`);
    const { events } = await sudo(
      api,
      api.tx.citizens.register(pair.address, kind, roles, evidence, { Sr25519: u8aToHex(pair.publicKey) }),
      alice,
    );
    const registered = events.find((event) => api.events.citizens.MemberRegistered.is(event));
    assert.equal(registered.data.member.toString(), pair.address);
    assert.equal(registered.data.kind.toString(), kind);
  }

  /** The city registers `schema` and authorises `issuer` to attest credentials of it. */
  async function openSchema(schema, name, issuer) {
    const registered = eventData((await sudo(api, api.tx.credentials.registerSchema(schema, name), alice)).events, 'SchemaRegistered');
    assert.equal(registered.schema.toHex(), schema);
    assert.equal(registered.name.toUtf8(), name);
    const authorised = eventData((await sudo(api, api.tx.credentials.authoriseIssuer(schema, issuer.address), alice)).events, 'IssuerAuthorised');
    assert.equal(authorised.schema.toHex(), schema);
    assert.equal(authorised.issuer.toString(), issuer.address);
  }

  test('the registrar registers a university and an employer; the city opens the degree schema', async () => {
    await register(university, 'CredentialIssuer', ['CredentialIssuer']);
    await register(employer, 'Employer', ['Employer']);
    const { status, stdout } = await tool(['schema-hash', path.join(FIXTURES, 'degree.schema.json')]);
    assert.equal(status, 0);
    assert.equal(stdout, `${degreeSchema}\n`);
    await openSchema(degreeSchema, 'Bachelor degree', university);
  });

  test('the university attests the degree by the tool\'s hash, and the same hash never twice', async () => {
    const { status, stdout, stderr } = await tool(['hash', DEGREE]);
    assert.equal(status, 0, stderr);
    const [hash, ...summary] = stdout.split('\n');
    assert.equal(hash, credentialHash(degree.vc));
    assert.equal(hash, degree.hash);
    const { issuer, subject, validFrom, validUntil } = JSON.parse(summary.join('\n'));
    assert.deepEqual({ issuer, subject, validUntil }, { issuer: university.address, subject: dave.address, validUntil: null });

    const attest = () => api.tx.credentials.attest(issuer, hash, degreeSchema, subject, validFrom, validUntil);
    const { blockHash, events } = await submit(attest(), university);
    const attested = eventData(events, 'Attested');
    assert.equal(attested.credential.toHex(), hash);
    assert.equal(attested.issuer.toString(), university.address);
    assert.equal(attested.attester.toString(), university.address);
    assert.equal(attested.subject.toString(), dave.address);
    assert.equal(attested.schema.toHex(), degreeSchema);
    attestedAt = await blockNumberOf(blockHash);

    await assert.rejects(submit(attest(), university), /credentials\.AlreadyAttested$/);
  });

  test('credentials_verify and `credential.js verify` say valid', async () => {
    const record = {
      hash: degree.hash,
      status: 'valid',
      issuer: university.address,
      attester: university.address,
      subject: didOf(dave.address),
      schema: degreeSchema,
      validFrom: degree.validFrom,
      validUntil: null,
      attestedAt,
    };
    const onChain = await rpc(node.rpcPort, 'credentials_verify', [degree.hash]);
    assert.deepEqual(known(onChain), record, 'no revokedAt either');

    const { status, verdict, report } = await verifyWithTool(DEGREE, node);
    assert.equal(verdict, 'valid');
    assert.equal(status, 0);
    assert.deepEqual({ ...report, onChain: known(report.onChain) }, { hash: degree.hash, verdict: 'valid', onChain: record, mismatches: [] });
  });

  test('the graduate submits the degree to an employer, who acknowledges it; another citizen may not submit it', async () => {
    const submitted = await submit(api.tx.credentials.submit(employer.address, [degree.hash], PURPOSE_HASH), dave);
    const submission = eventData(submitted.events, 'Submitted');
    assert.equal(submission.holder.toString(), dave.address);
    assert.equal(submission.submission.toNumber(), 0, 'submission ids start at 0');
    assert.equal(submission.verifier.toString(), employer.address);
    assert.equal(submission.purposeHash.toHex(), PURPOSE_HASH);
    submittedAt = await blockNumberOf(submitted.blockHash);

    await assert.rejects(
      submit(api.tx.credentials.submit(employer.address, [degree.hash], PURPOSE_HASH), ferdie),
      /credentials\.NotSubject$/,
    );

    const listed = (acknowledgedAt) => [{
      id: 0, verifier: employer.address, credentials: [degree.hash], purposeHash: PURPOSE_HASH, submittedAt, acknowledgedAt,
    }];
    assert.deepEqual(await rpc(node.rpcPort, 'credentials_submissions', [dave.address]), { submissions: listed(null), next: null });

    const acknowledged = await submit(api.tx.credentials.acknowledge(dave.address, 0), employer);
    const acknowledgement = eventData(acknowledged.events, 'Acknowledged');
    assert.equal(acknowledgement.holder.toString(), dave.address);
    assert.equal(acknowledgement.submission.toNumber(), 0);
    assert.equal(acknowledgement.verifier.toString(), employer.address);
    assert.deepEqual(
      await rpc(node.rpcPort, 'credentials_submissions', [dave.address, null, 1]),
      { submissions: listed(await blockNumberOf(acknowledged.blockHash)), next: null },
    );
    assert.deepEqual(
      await rpc(node.rpcPort, 'credentials_submissions', [ferdie.address]),
      { submissions: [], next: null },
      'Ferdie submitted nothing',
    );
  });

  test('the university revokes the degree, and `verify` says so', async () => {
    const { blockHash, events } = await submit(api.tx.credentials.revoke(degree.hash), university);
    const revoked = eventData(events, 'Revoked');
    assert.equal(revoked.credential.toHex(), degree.hash);
    assert.equal(revoked.by.unwrap().toString(), university.address, 'by the university, not the city');
    const onChain = await rpc(node.rpcPort, 'credentials_verify', [degree.hash]);
    assert.equal(onChain.status, 'revoked');
    assert.equal(onChain.revokedAt, await blockNumberOf(blockHash));

    const { status, verdict, report, stdout } = await verifyWithTool(DEGREE, node);
    assert.equal(verdict, 'revoked');
    assert.equal(status, 1);
    assert.match(stdout, /revoked/);
    assert.deepEqual(known(report.onChain), known(onChain));
  });

  test('a copy with one altered value is unknown to the chain', async () => {
    const altered = structuredClone(degree.vc);
    altered.credentialSubject.degree.field = '전기공학 (Electrical Engineering)';
    const file = path.join(scratch, 'altered-degree.json');
    writeFileSync(file, JSON.stringify(altered, null, 2));
    const { status, verdict, report } = await verifyWithTool(file, node);
    assert.equal(verdict, 'unknown');
    assert.equal(status, 1);
    assert.equal(report.hash, credentialHash(altered));
    assert.notEqual(report.hash, degree.hash);
    assert.equal(report.onChain.status, 'unknown');
  });

  test('the cook\'s qualification is unknown until its issuer attests it, then valid', async () => {
    await register(hrdService, 'CredentialIssuer', ['CredentialIssuer']);
    await openSchema(cookSchema, 'Cook qualification', hrdService);
    const unattested = await verifyWithTool(COOK, node);
    assert.equal(unattested.verdict, 'unknown');
    assert.equal(unattested.status, 1);

    const { events } = await submit(api.tx.credentials.attest(
      cook.issuer, cook.hash, cookSchema, cook.subject, cook.validFrom, cook.validUntil,
    ), hrdService);
    assert.equal(eventData(events, 'Attested').credential.toHex(), cook.hash);
    const attested = await verifyWithTool(COOK, node);
    assert.equal(attested.verdict, 'valid');
    assert.equal(attested.status, 0);
    assert.equal(attested.report.onChain.validUntil, cook.validUntil);
  });
});

// Part-time work against `seoul-node --dev` with a stock @polkadot/api client: the employer (Two)
// proposes a contract to a citizen (Dave) and a wage under the minimum is refused; Dave signs it;
// Dave records two shifts; the employer confirms one and disputes the other; a labour inspector
// (One) rules on the dispute; and `labor_*` show the contract, the time sheet, the minimum wage
// and the pay as the chain sees them; the employer issues an underpaid statement whose shortfall
// the chain records, and the worker disputes it; one acquisition report reaches the four insurers,
// who acknowledge it; a contract never reported is listed overdue; and `labor_history`, the
// career certificate and its credential, attested by the employer, show the worker's record.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { SS58_PREFIX, didOf } from 'seoul-chain-tools/lib/citizens.js';
import { schemaHash } from 'seoul-chain-tools/lib/credentials.js';
import {
  contractTerms, iso, koreanDate, WORKDAY,
} from '../lib/labor.js';
import { connect, eventData as palletEventData, rpc, runTool, startNode, submit, sudo } from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CAREER = path.join(repoRoot, 'tools/bin/career.js');
const CREDENTIAL = path.join(repoRoot, 'tools/bin/credential.js');
const CAREER_SCHEMA = path.join(repoRoot, 'docs/schemas/career-certificate.schema.json');

/** The terms the employer offers: a meal allowance of 100,000 won a month. */
const terms = (hourlyWage) => contractTerms(hourlyWage, [{ kind: 'Meal', monthly: 100_000 }]);

describe('labor', () => {
  let node;
  let api;
  let employer;
  let inspector;
  let dave;
  let ferdie;
  /** The insurers of the development chain, by insurance. */
  let insurers;
  let alice;
  /** The gross pay the chain computed for the stated period, and what the employer paid. */
  let computedGross;
  const PAID_GROSS = 70_000;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'seoul-labor-'));
  // The chain's dates: the contract runs from a week ago; shifts two days and one day ago.
  let start;
  let first;
  let second;
  let now;

  before(async () => {
    node = await startNode(['--dev'], { name: 'labor' });
    api = await connect(node);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    [employer, inspector, dave, ferdie, alice] = ['//Two', '//One', '//Dave', '//Ferdie', '//Alice'].map((uri) => keyring.addFromUri(uri));
    insurers = Object.fromEntries([
      ['industrialAccident', '//Alice//stash'], ['employment', '//Bob//stash'],
      ['health', '//Charlie//stash'], ['pension', '//Dave//stash'],
    ].map(([insurance, uri]) => [insurance, keyring.addFromUri(uri)]));
    now = (await api.query.timestamp.now()).toNumber() || Date.now();
    [start, first, second] = [7, 2, 1].map((days) => koreanDate(now, days));
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  const eventData = (events, name) => palletEventData(api, events, 'labor', name);

  test('a wage under the minimum is refused; the employer proposes and the worker signs', async () => {
    await assert.rejects(
      submit(api.tx.labor.proposeContract(dave.address, start, null, terms(10_319)), employer),
      /labor\.BelowMinimumWage$/,
    );
    const proposed = eventData((await submit(api.tx.labor.proposeContract(dave.address, start, null, terms(10_320)), employer)).events, 'ContractProposed');
    assert.equal(proposed.contract.toNumber(), 0);
    assert.equal(proposed.employer.toString(), employer.address);
    assert.equal(proposed.worker.toString(), dave.address);
    assert.equal((await rpc(node.rpcPort, 'labor_contract', [0])).standing, 'proposed');

    await assert.rejects(submit(api.tx.labor.acceptContract(0), ferdie), /labor\.NotParty$/);
    const signed = eventData((await submit(api.tx.labor.acceptContract(0), dave)).events, 'ContractSigned');
    assert.equal(signed.weeklyMinutes.toNumber(), 1_200);

    const record = await rpc(node.rpcPort, 'labor_contract', [0]);
    assert.equal(record.standing, 'inForce');
    assert.equal(record.contract.status, 'signed');
    assert.equal(record.contract.employer, employer.address);
    assert.equal(record.contract.workerDid, didOf(dave.address));
    assert.equal(record.contract.start, iso(start));
    assert.equal(record.contract.weeklyMinutes, 1_200);
    assert.equal(record.contract.paidHolidayAndLeave, true);
    assert.equal(record.contract.terms.weeklyHoliday, 'sunday');
    assert.equal(record.contract.terms.hourlyWage, 10_320);
    assert.deepEqual(
      await rpc(node.rpcPort, 'labor_contracts', [didOf(dave.address)]),
      { contracts: [{ id: 0, side: 'worker' }], next: null },
    );
  });

  test('the worker records shifts; the employer confirms one and disputes the other', async () => {
    await submit(api.tx.labor.recordShift(0, first, WORKDAY), dave);
    const late = { start: 600, end: 960, breakMinutes: 30 };
    const recorded = eventData((await submit(api.tx.labor.recordShift(0, second, late), dave)).events, 'ShiftRecorded');
    assert.equal(recorded.index.toNumber(), 0);
    assert.equal(recorded.by.toString(), 'Worker');

    await assert.rejects(submit(api.tx.labor.confirmShift(0, first, 0), dave), /labor\.OwnShift$/);
    await submit(api.tx.labor.confirmShift(0, first, 0), employer);
    const reason = blake2AsHex('left at 14:00, CCTV log 2026-11');
    const disputed = eventData((await submit(api.tx.labor.disputeShift(0, second, 0, reason), employer)).events, 'ShiftDisputed');
    assert.equal(disputed.reason.toHex(), reason);
  });

  test('only a labour inspector rules on the dispute', async () => {
    const corrected = { start: 600, end: 840, breakMinutes: 30 };
    const ruling = blake2AsHex('ruling 2026-LAB-0001');
    await assert.rejects(
      submit(api.tx.labor.ruleOnShift(0, second, 0, corrected, ruling), ferdie),
      /labor\.NotInspector$/,
    );
    const ruled = eventData((await submit(api.tx.labor.ruleOnShift(0, second, 0, corrected, ruling), inspector)).events, 'ShiftRuled');
    assert.equal(ruled.inspector.toString(), inspector.address);
    assert.equal(ruled.recorded.end.toNumber(), 960);
    assert.equal(ruled.hours.unwrap().end.toNumber(), 840);
  });

  test('labor_timesheet shows both shifts counting, and labor_minimumWage the schedule', async () => {
    const sheet = await rpc(node.rpcPort, 'labor_timesheet', [0, iso(start), 8]);
    assert.deepEqual(
      sheet.map(({ date, index, shift, counts }) => ({ date, index, status: shift.status, end: shift.hours.end, counts })),
      [
        { date: iso(first), index: 0, status: 'confirmed', end: 870, counts: true },
        { date: iso(second), index: 0, status: { ruled: blake2AsHex('ruling 2026-LAB-0001') }, end: 840, counts: true },
      ],
    );
    assert.equal(await rpc(node.rpcPort, 'labor_minimumWage', ['2025-06-01']), 10_030);
    assert.equal(await rpc(node.rpcPort, 'labor_minimumWage', ['2026-01-01']), 10_320);
    assert.equal(await rpc(node.rpcPort, 'labor_minimumWage', ['2024-12-31']), null);
    await assert.rejects(rpc(node.rpcPort, 'labor_minimumWage', ['2026-02-30']), /"code":2/);
  });

  test('labor_pay computes the period from the shifts that count', async () => {
    const slip = await rpc(node.rpcPort, 'labor_pay', [0, iso(start), iso(second)]);
    // 4 h confirmed and 3.5 h as ruled: 7.5 h × 10,320 won.
    assert.equal(slip.workedMinutes, 450);
    assert.equal(slip.basePay, 77_400);
    assert.equal(slip.unconfirmedShifts, 0);
    assert.equal(slip.gross, slip.basePay + slip.overtimePremium + slip.nightPremium + slip.holidayPremium
      + slip.weeklyHolidayAllowance + slip.publicHolidayPay + slip.allowances);
    assert.equal(slip.insured, true, '20 hours a week is 87 hours a month');
    assert.equal(slip.net, slip.gross - slip.deductions);
    await assert.rejects(rpc(node.rpcPort, 'labor_pay', [0, iso(second), iso(start)]), /"code":2.*longer than 31 days/);
    await assert.rejects(rpc(node.rpcPort, 'labor_pay', [9, iso(start), iso(second)]), /no contract/);
  });

  test('an underpaid statement shows its shortfall; the worker disputes it', async () => {
    const computed = await rpc(node.rpcPort, 'labor_pay', [0, iso(start), iso(second)]);
    computedGross = computed.gross;
    const paid = { gross: PAID_GROSS, deductions: 0, net: PAID_GROSS };
    const slip = blake2AsHex('pay slip, the employer\'s copy');
    const issued = eventData((await submit(api.tx.labor.issuePayStatement(0, start, second, paid, slip), employer)).events, 'PayStatementIssued');
    assert.equal(issued.gross.toNumber(), 70_000);
    assert.equal(issued.shortfall.toNumber(), computed.gross - 70_000);
    await assert.rejects(
      submit(api.tx.labor.issuePayStatement(0, second, second, paid, slip), employer),
      /labor\.PeriodAlreadyStated$/,
    );
    const reason = blake2AsHex('the slip leaves out the weekly paid holiday');
    await submit(api.tx.labor.disputePayStatement(0, start, reason), dave);
    const { statements, next } = await rpc(node.rpcPort, 'labor_payStatements', [0]);
    assert.equal(next, null);
    assert.equal(statements.length, 1);
    assert.equal(statements[0].from, iso(start));
    assert.equal(statements[0].to, iso(second));
    assert.deepEqual(statements[0].paid, paid);
    assert.equal(statements[0].shortfall, computed.gross - 70_000);
    assert.equal(statements[0].computed.gross, computed.gross);
    assert.deepEqual(statements[0].status, { disputed: reason });
  });

  test('one acquisition report reaches the four insurers, who acknowledge it', async () => {
    const enrolments = await rpc(node.rpcPort, 'labor_enrolments', [0]);
    assert.deepEqual(enrolments.map(({ insurance, status }) => [insurance, status]).sort(), [
      ['employment', 'due'], ['health', 'due'], ['industrialAccident', 'due'], ['pension', 'due'],
    ]);
    const reported = eventData((await submit(api.tx.labor.reportAcquisition(0), employer)).events, 'AcquisitionReported');
    assert.equal(reported.insurances.length, 4);
    for (const [insurance, insurer] of Object.entries(insurers)) {
      const kind = insurance[0].toUpperCase() + insurance.slice(1);
      await submit(api.tx.labor.acknowledgeAcquisition(0, kind, blake2AsHex(`${insurance} reference`)), insurer);
    }
    const enrolled = await rpc(node.rpcPort, 'labor_enrolments', [0]);
    for (const { insurance, status, reportedOn } of enrolled) {
      assert.deepEqual(status, { enrolled: blake2AsHex(`${insurance} reference`) });
      assert.ok(reportedOn, `${insurance} reported`);
    }
  });

  test('an acquisition never reported is listed overdue for its employer and city-wide', async () => {
    // A contract that began 60 days ago: every deadline has passed.
    const longAgo = koreanDate(now, 60);
    await submit(api.tx.labor.proposeContract(ferdie.address, longAgo, null, terms(10_320)), employer);
    await submit(api.tx.labor.acceptContract(1), ferdie);
    const { overdue, next } = await rpc(node.rpcPort, 'labor_overdue', [employer.address]);
    assert.equal(next, null);
    assert.deepEqual(overdue.map(({ contract, insurance }) => [contract, insurance]).sort(), [
      [1, 'employment'], [1, 'health'], [1, 'industrialAccident'], [1, 'pension'],
    ]);
    assert.equal((await rpc(node.rpcPort, 'labor_overdue', [])).overdue.length, 4);
    assert.deepEqual((await rpc(node.rpcPort, 'labor_overdue', [dave.address])).overdue, []);
  });

  test('labor_history and the career certificate show it all', async () => {
    const { history, next } = await rpc(node.rpcPort, 'labor_history', [didOf(dave.address)]);
    assert.equal(next, null);
    assert.deepEqual(history, [{
      contract: 0,
      employer: employer.address,
      employerDid: didOf(employer.address),
      start: iso(start),
      lastDay: null,
      standing: 'inForce',
      weeklyMinutes: 1_200,
      confirmedMinutes: 450,
      statements: 1,
      paidGross: PAID_GROSS,
      shortfall: computedGross - PAID_GROSS,
    }]);
    const printed = await runTool(CAREER, ['print', didOf(dave.address), '--ws', node.url]);
    assert.equal(printed.status, 0, printed.stderr);
    assert.match(printed.stdout, new RegExp(`Contract 0 with ${didOf(employer.address)}`));
    assert.match(printed.stdout, /20 contractual hours a week; 7\.5 hours confirmed/);
    assert.match(printed.stdout, new RegExp(`1 pay statements, ${PAID_GROSS} won gross paid`));
    const nobody = await runTool(CAREER, ['print', ferdie.address, '--ws', node.url]);
    assert.match(nobody.stdout, /Contract 1 with/, 'Ferdie signed contract 1');
    const malformed = await runTool(CAREER, ['print', 'did:seoul:nobody', '--ws', node.url]);
    assert.equal(malformed.status, 2);
    assert.match(malformed.stderr, /labor_history/);
  });

  test('the employer attests the contract\'s career credential, and any verifier checks it', async () => {
    const validFrom = '2026-11-27T00:00:00Z';
    const written = await runTool(CAREER, ['vc', '0', '--ws', node.url, '--valid-from', validFrom]);
    assert.equal(written.status, 0, written.stderr);
    const file = path.join(scratch, 'career.json');
    writeFileSync(file, written.stdout);
    const credential = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(credential.issuer.id, didOf(employer.address));
    assert.equal(credential.credentialSubject.id, didOf(dave.address));
    assert.equal(credential.credentialSubject.employment.confirmedMinutes, 450);
    const hashed = await runTool(CREDENTIAL, ['hash', file]);
    assert.equal(hashed.status, 0, hashed.stderr);
    const hash = hashed.stdout.split('\n')[0];

    // The city opens the career certificate schema and lets the employer issue it.
    const schema = schemaHash(JSON.parse(readFileSync(CAREER_SCHEMA, 'utf8')));
    await sudo(api, api.tx.citizens.setRoles(employer.address, ['Employer', 'CredentialIssuer']), alice);
    await sudo(api, api.tx.credentials.registerSchema(schema, 'Career certificate'), alice);
    await sudo(api, api.tx.credentials.authoriseIssuer(schema, employer.address), alice);
    await submit(api.tx.credentials.attest(employer.address, hash, schema, dave.address, Date.parse(validFrom), null), employer);

    const verified = await runTool(CREDENTIAL, ['verify', file, '--ws', node.url]);
    assert.equal(verified.stdout.split('\n')[0], 'valid', verified.stderr);
    assert.equal(verified.status, 0);
    const unknown = await runTool(CAREER, ['vc', '7', '--ws', node.url]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no contract 7/);
  });
});

// The Citizens Card against `seoul-node --dev` with a stock @polkadot/api client: the gate
// refuses strangers, members transact with a zero balance within their quota, the quota resets
// the next period, and the authentication RPC answers a public service.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { REFUSAL, SS58_PREFIX, chainTime, didOf, makeChallenge, signChallenge } from 'seoul-chain-tools/lib/citizens.js';
import { connect, refusal as refusalOf, rpc, startNode, submit, waitFor } from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The dev preset's quota period (`DEV_QUOTA_PERIOD`): a minute of six-second blocks. */
const DEV_QUOTA_PERIOD = 10;
/** The citizens' quota per period (the runtime's default). */
const CITIZEN_QUOTA = 100;

describe('citizens card', () => {
  let node;
  let api;
  let keyring;
  let alice;

  before(async () => {
    node = await startNode(['--dev'], { name: 'citizens' });
    api = await connect(node);
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    alice = keyring.addFromUri('//Alice');
  });

  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const nonceOf = async (address) => (await api.query.system.account(address)).nonce.toNumber();

  /** Alice, the dev registrar, registers a fresh account as a citizen with its sr25519 key. */
  async function registerCitizen(pair) {
    const evidence = blake2AsHex(`salt:${pair.address}:evidence checked at the ward office`);
    const { events } = await submit(
      api.tx.citizens.register(pair.address, 'Citizen', [], evidence, { Sr25519: u8aToHex(pair.publicKey) }),
      alice,
    );
    const registered = events.find((event) => api.events.citizens.MemberRegistered.is(event));
    assert.equal(registered.data.member.toString(), pair.address);
    assert.equal(registered.data.kind.toString(), 'Citizen');
  }

  /** The pool's refusal of `tx` signed by `pair`. */
  const refusal = (tx, pair, options) => refusalOf(api, tx, pair, options);

  test('an unregistered account is refused at the pool with code 1 and its nonce stays', async () => {
    const stranger = keyring.addFromUri('//Stranger');
    // Funds do not help: the city never registered it.
    await submit(api.tx.balances.transferKeepAlive(stranger.address, 5_000_000n), alice);
    const message = await refusal(api.tx.balances.transferKeepAlive(alice.address, 1_000_000n), stranger);
    assert.match(message, new RegExp(`1010: Invalid Transaction: Custom error: ${REFUSAL.NOT_A_MEMBER}$`));
    assert.equal(await nonceOf(stranger.address), 0);
    assert.equal((await api.rpc.system.accountNextIndex(stranger.address)).toNumber(), 0);
    assert.equal((await api.query.system.account(stranger.address)).data.free.toBigInt(), 5_000_000n);
    // Nor does an account that never existed get another answer.
    const nobody = keyring.addFromUri('//Nobody');
    assert.match(await refusal(api.tx.system.remark('0x00'), nobody), /Custom error: 1$/);
  });

  test('a registered citizen with a zero balance transacts without fees', async () => {
    const citizen = keyring.addFromUri('//ZeroBalanceCitizen');
    await registerCitizen(citizen);
    const { events } = await submit(
      api.tx.citizens.addService('wallet', 'LinkedDomains', 'https://wallet.example'),
      citizen,
    );
    assert.ok(events.some((event) => api.events.citizens.ServiceAdded.is(event)));
    const fee = events.find((event) => api.events.transactionPayment.TransactionFeePaid.is(event));
    assert.equal(fee.data.actualFee.toBigInt(), 0n);
    const account = await api.query.system.account(citizen.address);
    assert.equal(account.data.free.toBigInt(), 0n);
    assert.equal(account.nonce.toNumber(), 1);
    const info = await api.tx.system.remark('0x00').paymentInfo(citizen);
    assert.equal(info.partialFee.toBigInt(), 0n, 'wallets see a zero fee');
  });

  test('the quota runs out, the next transaction is refused with code 4, and it resets', async () => {
    const citizen = keyring.addFromUri('//QuotaCitizen');
    await registerCitizen(citizen);
    // Start right at a period's first block, so that the whole quota fits in one period.
    await waitFor(async () => (await bestNumber()) % DEV_QUOTA_PERIOD === 0, {
      timeoutMs: 90_000, intervalMs: 200, what: 'the first block of a quota period',
    });
    const best = await bestNumber();
    const periodEnd = best - (best % DEV_QUOTA_PERIOD) + DEV_QUOTA_PERIOD;
    const hashes = [];
    for (let nonce = 0; nonce < CITIZEN_QUOTA; nonce += 1) {
      const tx = await api.tx.system.remark(`0x${nonce.toString(16).padStart(4, '0')}`).signAsync(citizen, { nonce });
      hashes.push(await api.rpc.author.submitExtrinsic(tx));
    }
    assert.equal(hashes.length, CITIZEN_QUOTA);
    // The pool refuses the next one at once, counting the queued nonces, not only the included.
    const burst = await refusal(api.tx.system.remark('0xfe'), citizen, { nonce: CITIZEN_QUOTA });
    assert.match(burst, new RegExp(`Custom error: ${REFUSAL.QUOTA_EXHAUSTED}$`));
    await waitFor(async () => (await nonceOf(citizen.address)) === CITIZEN_QUOTA, {
      timeoutMs: 45_000, what: `${CITIZEN_QUOTA} transactions included`,
    });
    assert.ok((await bestNumber()) < periodEnd - 1, 'the quota was used within one period');
    const record = await rpc(node.rpcPort, 'citizens_member', [citizen.address]);
    assert.deepEqual(record.quota, {
      allowance: CITIZEN_QUOTA, used: CITIZEN_QUOTA, remaining: 0, transfersRemaining: 0, resetsAt: periodEnd,
    });

    const message = await refusal(api.tx.system.remark('0xff'), citizen, { nonce: CITIZEN_QUOTA });
    assert.match(message, new RegExp(`Custom error: ${REFUSAL.QUOTA_EXHAUSTED}$`));
    assert.equal(await nonceOf(citizen.address), CITIZEN_QUOTA);

    // The pool checks against the next block: from the period's last block on, it admits again.
    await waitFor(async () => (await bestNumber()) >= periodEnd - 1, { timeoutMs: 90_000, what: 'the next period' });
    await submit(api.tx.system.remark('0xff'), citizen);
    assert.equal(await nonceOf(citizen.address), CITIZEN_QUOTA + 1);
    const renewed = await rpc(node.rpcPort, 'citizens_member', [didOf(citizen.address)]);
    assert.equal(renewed.quota.used, 1);
  });

  describe('authentication RPC', () => {
    const audience = 'ward-office.seoul.example';
    let eve;
    let ferdie;

    before(() => {
      eve = keyring.addFromUri('//Eve');
      ferdie = keyring.addFromUri('//Ferdie');
    });

    async function challengeFor(pair, { validForMs = 60_000 } = {}) {
      return makeChallenge({
        genesisHash: api.genesisHash.toHex(),
        did: didOf(pair.address),
        audience,
        expiresAt: (await chainTime(api)) + validForMs,
      });
    }

    const authenticate = (did, challenge, signature) =>
      rpc(node.rpcPort, 'citizens_authenticate', [did, challenge, signature]);

    test('accepts a good signature of an active member', async () => {
      const challenge = await challengeFor(eve);
      const reply = await authenticate(didOf(eve.address), challenge, signChallenge(eve, challenge));
      assert.deepEqual(reply, { authentic: true, verdict: 'Authentic' });
    });

    test('rejects a signature by a key not in the DID document', async () => {
      const challenge = await challengeFor(eve);
      const reply = await authenticate(didOf(eve.address), challenge, signChallenge(ferdie, challenge));
      assert.deepEqual(reply, { authentic: false, verdict: 'BadSignature' });
    });

    test('rejects an expired challenge', async () => {
      const challenge = await challengeFor(eve, { validForMs: -1 });
      const reply = await authenticate(didOf(eve.address), challenge, signChallenge(eve, challenge));
      assert.deepEqual(reply, { authentic: false, verdict: 'Expired' });
    });

    test('rejects a challenge of another chain and one that lives too long', async () => {
      const otherChain = (await challengeFor(eve)).replace(api.genesisHash.toHex(), `0x${'00'.repeat(32)}`);
      assert.equal((await authenticate(didOf(eve.address), otherChain, signChallenge(eve, otherChain))).verdict, 'WrongChain');
      const tooLong = await challengeFor(eve, { validForMs: 3_600_000 });
      assert.equal((await authenticate(didOf(eve.address), tooLong, signChallenge(eve, tooLong))).verdict, 'ExpiryTooFar');
    });

    test('rejects a suspended member, whose transactions are refused with code 2', async () => {
      const { events } = await submit(api.tx.citizens.suspend(ferdie.address), alice);
      assert.ok(events.some((event) => api.events.citizens.MemberSuspended.is(event)));
      const challenge = await challengeFor(ferdie);
      const reply = await authenticate(didOf(ferdie.address), challenge, signChallenge(ferdie, challenge));
      assert.deepEqual(reply, { authentic: false, verdict: 'Suspended' });
      assert.match(await refusal(api.tx.system.remark('0x00'), ferdie), new RegExp(`Custom error: ${REFUSAL.SUSPENDED}$`));
      await submit(api.tx.citizens.reinstate(ferdie.address), alice);
      const again = await challengeFor(ferdie);
      assert.equal((await authenticate(didOf(ferdie.address), again, signChallenge(ferdie, again))).verdict, 'Authentic');
    });

    test('returns the public record and W3C DID document', async () => {
      const record = await rpc(node.rpcPort, 'citizens_member', [didOf(alice.address)]);
      assert.equal(record.did, didOf(alice.address));
      assert.equal(record.account, alice.address);
      assert.equal(record.kind, 'agency');
      assert.deepEqual(record.roles, ['registrar']);
      assert.equal(record.status, 'active');
      assert.equal(record.didDocument.id, record.did);
      assert.equal(record.didDocument.verificationMethod[0].type, 'Multikey');
      assert.deepEqual(record.didDocument.authentication, [`${record.did}#key-1`]);
      assert.equal(record.didDocumentMetadata.deactivated, false);
      assert.equal(await rpc(node.rpcPort, 'citizens_member', [didOf(keyring.addFromUri('//Nobody').address)]), null);
    });

    test('scripts/authenticate.sh signs a challenge with a dev key and gets the verdict', async () => {
      const run = promisify(execFile);
      const script = path.join(repoRoot, 'scripts/authenticate.sh');
      const { stdout } = await run(script, ['--ws', node.url, '--suri', '//Eve', '--audience', audience]);
      assert.match(stdout, /^seoul-civic-auth:v1$/m);
      assert.match(stdout, /verdict: Authentic$/m);
      const refused = await run(script, ['--ws', node.url, '--suri', '//Ferdie', '--did', didOf(eve.address)])
        .then(() => assert.fail('a wrong key must exit non-zero'), (error) => error);
      assert.equal(refused.code, 1);
      assert.match(refused.stdout, /verdict: BadSignature$/m);
    });
  });
});

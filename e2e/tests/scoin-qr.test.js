// The ZeroPay payment request without a node: the signed bytes against a vector computed
// independently, the QR payload's strict parsing, off-chain verification, S-coin amounts, and
// bin/scoin-qr.js (through scripts/scoin-qr.sh too) run as a wallet or a till runs it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import QRCode from 'qrcode';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { freePort } from '../lib/node.js';
import {
  makePaymentRequest, parsePayload, planckToScn, scnToPlanck, signingPayload, toPayload, verifyPayload,
} from 'seoul-chain-tools/lib/scoin.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'tools/bin/scoin-qr.js');
const GENESIS = `0x${Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join('')}`;
const OTHER_GENESIS = `0x${'ee'.repeat(32)}`;
const ALICE_PUBLIC_KEY = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
/** Alice's sr25519 account in the chain's SS58 format. */
const ALICE = 'f9oXBDaLBmgwG1LZmcCL8jyyyD4PP2vGRXafem2UdFcT79QHb';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'seoul-scoin-qr-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(args, { script = false } = {}) {
  const [command, commandArgs] = script
    ? [path.join(repoRoot, 'scripts/scoin-qr.sh'), args]
    : [process.execPath, [BIN, ...args]];
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A failure with `status`, an `Error: ` line first on stderr matching `pattern`, no stack. */
function assertCleanFailure({ status, stdout, stderr }, pattern, expectedStatus, what = String(pattern)) {
  assert.equal(status, expectedStatus, `${what}: exit status (stderr: ${stderr})`);
  const [first] = stderr.split('\n');
  assert.match(first, /^Error: /, what);
  assert.match(first, pattern, what);
  assert.doesNotMatch(stderr, /\n\s+at |node:internal|TypeError|RangeError/, what);
  if (expectedStatus === 1) {
    assert.equal(stderr.trim(), first, `${what}: one line`);
    assert.equal(stdout, '', `${what}: nothing on stdout`);
  }
}

/** A field of a payload replaced, e.g. `withField(uri, 'amount', '1')`. */
function withField(uri, key, value) {
  const pattern = new RegExp(`([?&])${key}=[^&]*`);
  assert.match(uri, pattern);
  return uri.replace(pattern, `$1${key}=${value}`);
}

describe('S-coin amounts', () => {
  test('SCN decimals convert to planck exactly, and back', () => {
    const cases = [
      ['12.5', 12_500_000n], ['0.000001', 1n], ['1000', 1_000_000_000n], ['0', 0n], ['5', 5_000_000n],
      ['0.1', 100_000n], ['1.00001', 1_000_010n], ['123456789.123456', 123_456_789_123_456n],
      // The largest u128.
      ['340282366920938463463374607431768.211455', 2n ** 128n - 1n],
    ];
    for (const [scn, planck] of cases) {
      assert.equal(scnToPlanck(scn), planck, scn);
      assert.equal(planckToScn(planck), scn, scn);
    }
    assert.equal(scnToPlanck('12.500000'), 12_500_000n);
    // Past a double's 53 bits, where a float would round.
    assert.equal(scnToPlanck('9007199254.740993'), 9_007_199_254_740_993n);
    assert.equal(planckToScn(9_007_199_254_740_993n), '9007199254.740993');
  });

  test('more than six decimals and anything not a plain decimal are refused', () => {
    assert.throws(() => scnToPlanck('1.0000001'), /more than 6 decimals/);
    assert.throws(() => scnToPlanck('0.0000005'), /more than 6 decimals/);
    for (const bad of ['', '-1', '.5', '5.', '1e3', '1,5', ' 1', '1 ', '+1', '01', '0x10', '1.2.3', 'NaN']) {
      assert.throws(() => scnToPlanck(bad), /is not an SCN amount/, JSON.stringify(bad));
    }
    assert.throws(() => planckToScn(-1n), /negative/);
  });
});

describe('payment request', () => {
  let keyring;
  let alice;
  let bob;

  before(async () => {
    await cryptoWaitReady();
    keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    alice = keyring.addFromUri('//Alice');
    bob = keyring.addFromUri('//Bob');
  });

  const fixedRequest = {
    merchant: ALICE,
    amount: 12_500_000n,
    orderReference: 'INV-2026-0001',
    expiry: 1_234_567,
    nonce: 0x0102030405060708n,
  };

  test('the signed bytes of a fixed request match the vector computed independently', () => {
    assert.equal(alice.address, ALICE);
    // Computed from the spec with @polkadot/types, `(AccountId32,u128,Bytes,u32,u64)` after the
    // domain and the genesis hash, and by hand in Python; both agree.
    const expected = '0x'
      + '73656f756c2d73636f696e2f7061796d656e742d726571756573742f7631' // "seoul-scoin/payment-request/v1"
      + '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f' // genesis hash
      + 'd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d' // merchant
      + '20bcbe00000000000000000000000000' // amount 12_500_000, u128 LE
      + '34' + '494e562d323032362d30303031' // compact(13), "INV-2026-0001"
      + '87d61200' // expiry 1_234_567, u32 LE
      + '0807060504030201'; // nonce, u64 LE
    assert.equal(u8aToHex(signingPayload(GENESIS, fixedRequest)), expected);
    // The merchant may be given as any address or public key of the account.
    assert.equal(u8aToHex(signingPayload(GENESIS, { ...fixedRequest, merchant: ALICE_PUBLIC_KEY })), expected);
    const generic = encodeAddress(ALICE_PUBLIC_KEY, 42);
    assert.equal(u8aToHex(signingPayload(GENESIS, { ...fixedRequest, merchant: generic })), expected);
  });

  test('the payload of a fixed request has the keys in the fixed order', () => {
    const signature = { Sr25519: `0x${'ab'.repeat(64)}` };
    const uri = toPayload(fixedRequest, signature);
    assert.equal(uri, `scoin:pay?v=1&merchant=${ALICE}&amount=12500000&order=INV-2026-0001&expiry=1234567`
      + `&nonce=72623859790382856&sig=0x01${'ab'.repeat(64)}`);
    assert.deepEqual(parsePayload(uri), { request: fixedRequest, signature });
    assert.match(toPayload(fixedRequest, { Ed25519: `0x${'ab'.repeat(64)}` }), /&sig=0x00(ab){64}$/);
    assert.match(toPayload(fixedRequest, { Ecdsa: `0x${'ab'.repeat(65)}` }), /&sig=0x02(ab){65}$/);
  });

  test('requests the runtime would refuse are not signed', () => {
    const make = (changes) => () =>
      makePaymentRequest({ genesisHash: GENESIS, ...fixedRequest, merchant: alice, ...changes });
    assert.throws(make({ orderReference: '' }), /order reference/);
    assert.throws(make({ orderReference: 'x'.repeat(33) }), /order reference "x{33}" must be 1 to 32 characters/);
    assert.throws(make({ orderReference: 'café' }), /order reference/);
    assert.throws(make({ amount: 0n }), /more than zero/);
    assert.throws(make({ amount: 2n ** 128n }), /amount .* out of range/);
    assert.throws(make({ expiry: 2 ** 32 }), /expiry .* out of range/);
    assert.throws(make({ nonce: 2n ** 64n }), /nonce .* out of range/);
    assert.throws(make({ nonce: -1n }), /nonce .* out of range/);
    assert.throws(() => makePaymentRequest({ ...fixedRequest, genesisHash: '0x1234', merchant: alice }), /genesis hash/);
    assert.doesNotThrow(make({ orderReference: 'x'.repeat(32) }));
  });

  test('a signed request round-trips through the payload and verifies, for each key type', () => {
    for (const type of ['sr25519', 'ed25519', 'ecdsa']) {
      const merchant = new Keyring({ type, ss58Format: SS58_PREFIX }).addFromUri('//SeoulMerchant');
      const made = makePaymentRequest({
        genesisHash: GENESIS, merchant, amount: 3_000_000n, orderReference: 'A-1.b_2~c', expiry: 99,
      });
      assert.equal(made.request.merchant, merchant.address, type);
      assert.equal(typeof made.request.nonce, 'bigint');
      const parsed = parsePayload(made.uri);
      assert.deepEqual(parsed, { request: made.request, signature: made.signature }, type);
      assert.equal(verifyPayload(GENESIS, parsed), true, type);
      // The signature binds the chain: the same payload on another chain is no payment request.
      assert.equal(verifyPayload(OTHER_GENESIS, parsed), false, type);
    }
  });

  test('each altered field fails verification', () => {
    const { uri } = makePaymentRequest({ genesisHash: GENESIS, ...fixedRequest, merchant: alice });
    const parsed = parsePayload(uri);
    assert.equal(verifyPayload(GENESIS, parsed), true);
    const altered = {
      amount: parsed.request.amount + 1n,
      orderReference: 'INV-2026-0002',
      merchant: bob.address,
      nonce: parsed.request.nonce + 1n,
      expiry: parsed.request.expiry + 1,
    };
    for (const [field, value] of Object.entries(altered)) {
      assert.equal(verifyPayload(GENESIS, { ...parsed, request: { ...parsed.request, [field]: value } }), false, field);
    }
    // Another merchant's signature over the same request, or a signature of another scheme.
    const bobs = makePaymentRequest({ genesisHash: GENESIS, ...fixedRequest, merchant: bob });
    assert.equal(verifyPayload(GENESIS, { ...parsed, signature: bobs.signature }), false);
    assert.equal(verifyPayload(GENESIS, { ...parsed, signature: { Ed25519: parsed.signature.Sr25519 } }), false);
    assert.equal(verifyPayload(GENESIS, { ...parsed, signature: { Ecdsa: `0x${'01'.repeat(65)}` } }), false);
  });

  describe('malformed payloads', () => {
    let good;
    let cases;

    before(() => {
      ({ uri: good } = makePaymentRequest({ genesisHash: GENESIS, ...fixedRequest, merchant: alice }));
      const sig = good.split('&sig=')[1];
      cases = [
        ['wrong scheme', good.replace('scoin:pay?', 'zeropay:pay?'), /must start with "scoin:pay\?"/],
        ['scheme in capitals', good.replace('scoin:', 'SCOIN:'), /must start with "scoin:pay\?"/],
        ['no query', 'scoin:pay', /must start with "scoin:pay\?"/],
        ['version 2', withField(good, 'v', '2'), /unsupported version v=2/],
        ['missing key', good.replace(/&expiry=[^&]*/, ''), /missing key "expiry"/],
        ['missing last key', good.replace(/&sig=.*$/, ''), /missing key "sig"/],
        ['unknown key', good.replace('&nonce=', '&tip=1&nonce='), /unknown key "tip"/],
        ['duplicate key', good.replace(/(&order=[^&]*)/, '$1$1'), /duplicate key "order"/],
        ['out of order', good.replace(/&(amount=[^&]*)&(order=[^&]*)/, '&$2&$1'), /keys out of order: the order is v, merchant, amount, order/],
        ['field without =', good.replace('&order=', '&order'), /malformed field/],
        ['trailing &', `${good}&`, /malformed field ""/],
        ['bad alphabet: space', withField(good, 'order', 'INV 1'), /order reference "INV 1" must be 1 to 32 characters/],
        ['bad alphabet: percent-encoding', withField(good, 'order', 'INV%201'), /order reference "INV%201" must be/],
        ['bad alphabet: non-ASCII', withField(good, 'order', '주문-1'), /order reference "주문-1" must be/],
        ['empty order', withField(good, 'order', ''), /order reference "" must be/],
        ['order too long', withField(good, 'order', 'x'.repeat(33)), /must be 1 to 32 characters/],
        ['amount with a leading zero', withField(good, 'amount', '012'), /amount "012" is not a decimal integer/],
        ['amount in SCN', withField(good, 'amount', '12.5'), /amount "12.5" is not a decimal integer/],
        ['negative amount', withField(good, 'amount', '-1'), /amount "-1" is not a decimal integer/],
        ['zero amount', withField(good, 'amount', '0'), /amount must be more than zero/],
        ['amount past u128', withField(good, 'amount', (2n ** 128n).toString()), /amount .* out of range/],
        ['expiry past u32', withField(good, 'expiry', String(2 ** 32)), /expiry .* out of range/],
        ['nonce past u64', withField(good, 'nonce', (2n ** 64n).toString()), /nonce .* out of range/],
        ['hex nonce', withField(good, 'nonce', '0x10'), /nonce "0x10" is not a decimal integer/],
        ['merchant of another SS58 format', withField(good, 'merchant', encodeAddress(ALICE_PUBLIC_KEY, 42)), /not an address of this chain/],
        ['merchant not an address', withField(good, 'merchant', 'alice'), /not an address of this chain/],
        ['bad hex: not hex', withField(good, 'sig', `0x${'zz'.repeat(65)}`), /sig must be 0x and an even number of hex digits/],
        ['bad hex: odd length', withField(good, 'sig', sig.slice(0, -1)), /sig must be 0x and an even number/],
        ['bad hex: no 0x', withField(good, 'sig', sig.slice(2)), /sig must be 0x/],
        ['signature too short', withField(good, 'sig', sig.slice(0, -2)), /sig is 63 bytes of sr25519 signature; expected 64/],
        ['ecdsa signature of 64 bytes', withField(good, 'sig', `0x02${sig.slice(4)}`), /sig is 64 bytes of ecdsa signature; expected 65/],
        ['unknown scheme', withField(good, 'sig', `0x03${sig.slice(4)}`), /unknown signature scheme 3/],
      ];
    });

    test('each is refused by the library with what is wrong', () => {
      assert.ok(parsePayload(good));
      for (const [name, uri, pattern] of cases) {
        assert.throws(() => parsePayload(uri), pattern, name);
      }
    });

    test('each makes `parse` exit 1 with one clear line', () => {
      assert.equal(run(['parse', good]).status, 0);
      for (const [name, uri, pattern] of cases) {
        assertCleanFailure(run(['parse', uri]), new RegExp(`^Error: malformed payload: .*${pattern.source}`), 1, name);
      }
    });
  });

  describe('scoin-qr command line', () => {
    const makeArgs = [
      'make', '--merchant', '//Alice', '--amount', '12.5', '--order', 'INV-2026-0001', '--genesis', GENESIS, '--expiry', '1234567',
    ];

    test('make prints the payload alone on stdout, draws it on stderr and writes PNG and SVG', async () => {
      const png = path.join(scratch, 'request.png');
      const svg = path.join(scratch, 'request.svg');
      const made = run([...makeArgs, '--nonce', '72623859790382856', '--png', png, '--svg', svg]);
      assert.equal(made.status, 0, made.stderr);
      const lines = made.stdout.split('\n');
      assert.deepEqual(lines.slice(1), [''], 'one line');
      const uri = lines[0];
      assert.match(uri, new RegExp(`^scoin:pay\\?v=1&merchant=${ALICE}&amount=12500000&order=INV-2026-0001&expiry=1234567`
        + '&nonce=72623859790382856&sig=0x01[0-9a-f]{128}$'));
      assert.equal(verifyPayload(GENESIS, parsePayload(uri)), true);
      assert.match(made.stderr, /▀|▄|█/, 'a QR code drawn in the terminal');
      assert.deepEqual([...readFileSync(png).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // The image carries exactly the payload, at error correction level M.
      assert.equal(readFileSync(svg, 'utf8'), await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M' }));
      assert.notEqual(readFileSync(svg, 'utf8'), await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'L' }));
    });

    test('make then parse: the JSON shows the request, and whether it verifies for the chain', () => {
      const uri = run(makeArgs).stdout.split('\n')[0];
      const plain = run(['parse', uri]);
      assert.equal(plain.status, 0, plain.stderr);
      const { nonce, signature, ...rest } = JSON.parse(plain.stdout);
      assert.deepEqual(rest, {
        merchant: ALICE,
        amount: { planck: '12500000', scn: '12.5' },
        order: 'INV-2026-0001',
        expiry: 1234567,
      }, 'no verdict without a chain');
      assert.equal(nonce, parsePayload(uri).request.nonce.toString());
      assert.equal(signature.scheme, 'sr25519');
      assert.equal(`0x01${signature.hex.slice(2)}`, uri.split('&sig=')[1]);

      const checked = run(['parse', uri, '--genesis', GENESIS]);
      assert.equal(checked.status, 0, checked.stderr);
      assert.equal(JSON.parse(checked.stdout).signatureValid, true);
      assert.equal(JSON.parse(checked.stdout).chain, GENESIS);

      const otherChain = run(['parse', uri, '--genesis', OTHER_GENESIS]);
      assert.equal(otherChain.status, 1);
      assert.equal(JSON.parse(otherChain.stdout).signatureValid, false);
      assert.equal(otherChain.stderr, `Error: the merchant's signature does not verify for chain ${OTHER_GENESIS}\n`);
    });

    test('parse --genesis fails on each altered field', () => {
      const uri = run(makeArgs).stdout.split('\n')[0];
      const { request } = parsePayload(uri);
      const altered = {
        amount: String(request.amount + 1n),
        order: 'INV-2026-0002',
        merchant: keyring.addFromUri('//Bob').address,
        nonce: String(request.nonce ^ 1n),
        expiry: String(request.expiry + 1),
      };
      for (const [key, value] of Object.entries(altered)) {
        const result = run(['parse', withField(uri, key, value), '--genesis', GENESIS]);
        assert.equal(result.status, 1, key);
        assert.equal(JSON.parse(result.stdout).signatureValid, false, key);
        assert.match(result.stderr, /^Error: the merchant's signature does not verify/, key);
      }
    });

    test('make with an ed25519 key and random nonces', () => {
      const first = run([...makeArgs, '--key-type', 'ed25519']).stdout.split('\n')[0];
      const second = run([...makeArgs, '--key-type', 'ed25519']).stdout.split('\n')[0];
      const [a, b] = [first, second].map(parsePayload);
      assert.ok(a.signature.Ed25519, 'an ed25519 signature');
      const aliceEd25519 = new Keyring({ type: 'ed25519', ss58Format: SS58_PREFIX }).addFromUri('//Alice');
      assert.equal(a.request.merchant, aliceEd25519.address);
      assert.notEqual(a.request.nonce, b.request.nonce, 'a fresh nonce each time');
      assert.equal(JSON.parse(run(['parse', first, '--genesis', GENESIS]).stdout).signatureValid, true);
    });

    test('draw draws a payload on stdout, and refuses a malformed one', () => {
      const uri = run(makeArgs).stdout.split('\n')[0];
      const png = path.join(scratch, 'drawn.png');
      const drawn = run(['draw', uri, '--png', png]);
      assert.equal(drawn.status, 0, drawn.stderr);
      assert.match(drawn.stdout, /▀|▄|█/);
      assert.equal(readFileSync(png).subarray(1, 4).toString(), 'PNG');
      assertCleanFailure(run(['draw', withField(uri, 'v', '2')]), /malformed payload: unsupported version/, 1);
    });

    test('bad usage exits 2 with the error first and no stack trace', () => {
      const without = (option) => {
        const args = [...makeArgs];
        args.splice(args.indexOf(option), 2);
        return args;
      };
      assertCleanFailure(run(without('--merchant')), /make needs --merchant/, 2);
      assertCleanFailure(run(without('--expiry')), /--genesis needs --expiry/, 2);
      assertCleanFailure(run([...without('--amount'), '--amount', '1.0000001']), /--amount: .* more than 6 decimals/, 2);
      assertCleanFailure(run([...without('--amount'), '--amount', '12,5']), /--amount: .*not an SCN amount/, 2);
      assertCleanFailure(run([...without('--order'), '--order', 'INV/1']), /order reference "INV\/1" must be/, 2);
      assertCleanFailure(run([...makeArgs, '--valid-for', '10']), /--expiry or --valid-for, not both/, 2);
      assertCleanFailure(run([...makeArgs, '--ws', 'ws://127.0.0.1:9']), /--genesis or --ws, not both/, 2);
      assertCleanFailure(run([...makeArgs, '--key-type', 'ecdsa']), /--key-type takes sr25519 or ed25519/, 2);
      assertCleanFailure(run([...makeArgs, '--nonce', '1.5']), /--nonce takes a whole number/, 2);
      assertCleanFailure(run([...makeArgs, '--frobnicate']), /Unknown option '--frobnicate'/, 2);
      assertCleanFailure(run([...without('--genesis'), '--genesis', '0x1234']), /--genesis takes the genesis hash/, 2);
      assertCleanFailure(run(['pay']), /unknown command "pay"/, 2);
      assertCleanFailure(run([]), /no command given/, 2);
      assertCleanFailure(run(['parse']), /expected one payload argument, got 0/, 2);
    });

    test('a node that cannot be reached exits 2 saying so', async () => {
      const url = `ws://127.0.0.1:${await freePort()}`;
      const uri = run(makeArgs).stdout.split('\n')[0];
      const makeWithNode = [...makeArgs.slice(0, makeArgs.indexOf('--genesis')), '--ws', url];
      for (const result of [run(makeWithNode), run(['parse', uri, '--ws', url])]) {
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr.trim().split('\n').at(-1), new RegExp(`^Error: cannot reach ${url}: \\S`));
        assert.equal(result.stdout, '');
      }
    });

    test('scripts/scoin-qr.sh runs the tool', () => {
      const help = run(['--help'], { script: true });
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /^Usage: scripts\/scoin-qr\.sh <command>/);
      const uri = run(makeArgs, { script: true }).stdout.split('\n')[0];
      const parsed = run(['parse', uri, '--genesis', GENESIS], { script: true });
      assert.equal(parsed.status, 0, parsed.stderr);
      assert.equal(JSON.parse(parsed.stdout).signatureValid, true);
      assertCleanFailure(run(['parse', 'scoin:pay?v=1'], { script: true }), /malformed payload: missing key "merchant"/, 1);
    });
  });
});

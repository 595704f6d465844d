// S-coin amounts and the ZeroPay payment request a merchant signs and shows as a QR code
// (format: pallets/scoin/src/qr.rs). A wallet parses and verifies the payload off chain, then
// submits `SCoin.pay` with the request and the signature, which the runtime checks again.

import { bnToU8a, compactToU8a, hexToU8a, isHex, stringToHex, stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import {
  checkAddress, decodeAddress, ed25519Verify, encodeAddress, secp256k1Verify, sr25519Verify,
} from '@polkadot/util-crypto';
import { SS58_PREFIX } from './citizens.js';

/** SCN's decimals: an amount in planck is a millionth of an SCN. */
export const DECIMALS = 6;
/** The planck in one SCN. */
export const PLANCK_PER_SCN = 10n ** BigInt(DECIMALS);

/** The domain prefix of every signed payment request (`PAYMENT_REQUEST_CONTEXT`). */
export const PAYMENT_REQUEST_CONTEXT = 'seoul-scoin/payment-request/v1';
/** The longest order reference the runtime accepts, in bytes. */
export const MAX_ORDER_REFERENCE_LENGTH = 32;

const U32_MAX = 2n ** 32n - 1n;
const U64_MAX = 2n ** 64n - 1n;
const U128_MAX = 2n ** 128n - 1n;
/** A canonical unsigned decimal: no sign, no leading zeros. */
const DECIMAL = /^(0|[1-9][0-9]*)$/;
/** The URI-unreserved alphabet, which travels in the payload unescaped. */
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;
/** `MultiSignature`'s variants in index order, with their signature lengths. */
const SCHEMES = [
  { name: 'Ed25519', length: 64, verify: ed25519Verify },
  { name: 'Sr25519', length: 64, verify: sr25519Verify },
  { name: 'Ecdsa', length: 65, verify: (message, signature, account) => secp256k1Verify(message, signature, account) },
];
/** The keyring pair types that sign as each scheme. */
const SCHEME_OF_PAIR = { ed25519: 'Ed25519', sr25519: 'Sr25519', ecdsa: 'Ecdsa' };
/** The payload's query keys, in the order the format fixes. */
const KEYS = ['v', 'merchant', 'amount', 'order', 'expiry', 'nonce', 'sig'];
const URI_PREFIX = 'scoin:pay?';

/** The planck of an SCN amount written as a decimal, e.g. "12.5" → 12500000n; exact. */
export function scnToPlanck(scn) {
  const match = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/.exec(scn);
  if (!match) throw new Error(`"${scn}" is not an SCN amount (digits, optionally a point and up to ${DECIMALS} decimals)`);
  const [, whole, fraction = ''] = match;
  if (fraction.length > DECIMALS) throw new Error(`"${scn}" has more than ${DECIMALS} decimals: an SCN has ${DECIMALS}`);
  return BigInt(whole) * PLANCK_PER_SCN + BigInt(fraction.padEnd(DECIMALS, '0'));
}

/** An amount in planck as an SCN decimal without trailing zeros, e.g. 12500000n → "12.5". */
export function planckToScn(planck) {
  const value = BigInt(planck);
  if (value < 0n) throw new Error('an amount cannot be negative');
  const fraction = (value % PLANCK_PER_SCN).toString().padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${value / PLANCK_PER_SCN}${fraction ? `.${fraction}` : ''}`;
}

/** The rewards that `events` (decoded events, not records) report paid by reward batches. */
export function rewardsPaid(api, events) {
  return events.filter((event) => api.events.sCoin.BatchRewarded.is(event))
    .reduce((sum, event) => sum + event.data.rewarded.toNumber(), 0);
}

/** A random 64-bit nonce: a merchant's requests must never share one. */
export function randomNonce() {
  // Web Crypto, so that the wallet (in a browser) and the tools share this module.
  return new DataView(globalThis.crypto.getRandomValues(new Uint8Array(8)).buffer).getBigUint64(0, true);
}

function checkRange(name, value, max) {
  if (typeof value !== 'bigint' && !Number.isSafeInteger(value)) throw new Error(`${name} must be an integer`);
  if (BigInt(value) < 0n || BigInt(value) > max) throw new Error(`${name} ${value} is out of range (0 to ${max})`);
}

/** Throws unless `request` is one the runtime can accept; its merchant as a 32-byte account. */
function checkRequest({ merchant, amount, orderReference, expiry, nonce }) {
  let account;
  try {
    account = decodeAddress(merchant);
  } catch (error) {
    throw new Error(`merchant ${merchant} is not an address: ${error.message}`);
  }
  if (account.length !== 32) throw new Error(`merchant ${merchant} is not a 32-byte account`);
  checkRange('amount', amount, U128_MAX);
  if (BigInt(amount) === 0n) throw new Error('amount must be more than zero');
  if (typeof orderReference !== 'string' || !UNRESERVED.test(orderReference)
    || orderReference.length > MAX_ORDER_REFERENCE_LENGTH) {
    throw new Error(`order reference "${orderReference}" must be 1 to ${MAX_ORDER_REFERENCE_LENGTH} characters of A-Z a-z 0-9 - . _ ~`);
  }
  checkRange('expiry', expiry, U32_MAX);
  checkRange('nonce', nonce, U64_MAX);
  return account;
}

function genesisBytes(genesisHash) {
  const bytes = isHex(genesisHash) ? hexToU8a(genesisHash) : genesisHash;
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
    throw new Error('the genesis hash must be 32 bytes (0x and 64 hex digits)');
  }
  return bytes;
}

/**
 * The bytes a merchant signs: the domain, the chain's genesis hash and the SCALE encoding of
 * the request, so that a request signed for one chain cannot be paid on another.
 */
export function signingPayload(genesisHash, request) {
  const merchant = checkRequest(request);
  const order = stringToU8a(request.orderReference);
  return u8aConcat(
    stringToU8a(PAYMENT_REQUEST_CONTEXT),
    genesisBytes(genesisHash),
    merchant,
    bnToU8a(request.amount, { bitLength: 128 }),
    compactToU8a(order.length),
    order,
    bnToU8a(request.expiry, { bitLength: 32 }),
    bnToU8a(request.nonce, { bitLength: 64 }),
  );
}

/** The one-line QR payload of a signed request. */
export function toPayload(request, signature) {
  checkRequest(request);
  const [name, hex] = Object.entries(signature)[0] ?? [];
  const index = SCHEMES.findIndex((scheme) => scheme.name === name);
  if (index < 0) throw new Error(`unknown signature scheme ${name}`);
  const values = [
    '1',
    encodeAddress(request.merchant, SS58_PREFIX),
    BigInt(request.amount).toString(),
    request.orderReference,
    String(request.expiry),
    BigInt(request.nonce).toString(),
    u8aToHex(u8aConcat([index], hexToU8a(hex))),
  ];
  return URI_PREFIX + KEYS.map((key, i) => `${key}=${values[i]}`).join('&');
}

/**
 * A merchant's signed payment request for the chain of `genesisHash`, signed with the keyring
 * pair `merchant` (sr25519, ed25519 or ecdsa): the request and the `MultiSignature` as
 * `SCoin.pay` takes them, and the QR payload.
 */
export function makePaymentRequest({ genesisHash, merchant, amount, orderReference, expiry, nonce = randomNonce() }) {
  const scheme = SCHEME_OF_PAIR[merchant.type];
  if (!scheme) throw new Error('the merchant must be a keyring pair of type sr25519, ed25519 or ecdsa');
  const request = {
    merchant: encodeAddress(merchant.addressRaw, SS58_PREFIX),
    amount: BigInt(amount),
    orderReference,
    expiry,
    nonce: BigInt(nonce),
  };
  const signature = { [scheme]: u8aToHex(merchant.sign(signingPayload(genesisHash, request))) };
  return { request, signature, uri: toPayload(request, signature) };
}

function parseInteger(key, text, max) {
  if (!DECIMAL.test(text)) throw new Error(`${key} "${text}" is not a decimal integer`);
  const value = BigInt(text);
  if (value > max) throw new Error(`${key} ${text} is out of range (at most ${max})`);
  return value;
}

/**
 * The request and signature in a QR payload, checked strictly against the format: scheme,
 * version, every key once and in order, numbers in range, the alphabet and the signature's
 * encoding. Throws an Error saying what is wrong.
 */
export function parsePayload(uri) {
  if (typeof uri !== 'string' || !uri.startsWith(URI_PREFIX)) {
    throw new Error(`not an S-coin payment request: it must start with "${URI_PREFIX}"`);
  }
  const fields = new Map();
  for (const field of uri.slice(URI_PREFIX.length).split('&')) {
    const match = /^([^=]*)=([^=]*)$/.exec(field);
    if (!match) throw new Error(`malformed field "${field}": expected key=value`);
    const [, key, value] = match;
    if (!KEYS.includes(key)) throw new Error(`unknown key "${key}"`);
    if (fields.has(key)) throw new Error(`duplicate key "${key}"`);
    fields.set(key, value);
  }
  const missing = KEYS.find((key) => !fields.has(key));
  if (missing) throw new Error(`missing key "${missing}"`);
  if ([...fields.keys()].join() !== KEYS.join()) throw new Error(`keys out of order: the order is ${KEYS.join(', ')}`);
  const value = (key) => fields.get(key);

  if (value('v') !== '1') throw new Error(`unsupported version v=${value('v')}: this tool reads v=1`);
  const [isAddress, addressError] = checkAddress(value('merchant'), SS58_PREFIX);
  if (!isAddress) {
    throw new Error(`merchant "${value('merchant')}" is not an address of this chain (SS58 format ${SS58_PREFIX}): ${addressError}`);
  }
  const request = {
    merchant: value('merchant'),
    amount: parseInteger('amount', value('amount'), U128_MAX),
    orderReference: value('order'),
    expiry: Number(parseInteger('expiry', value('expiry'), U32_MAX)),
    nonce: parseInteger('nonce', value('nonce'), U64_MAX),
  };
  checkRequest(request);

  const sig = value('sig');
  if (!/^0x([0-9a-fA-F]{2})+$/.test(sig)) throw new Error('sig must be 0x and an even number of hex digits');
  const bytes = hexToU8a(sig);
  const scheme = SCHEMES[bytes[0]];
  if (!scheme) throw new Error(`sig has unknown signature scheme ${bytes[0]} (0 ed25519, 1 sr25519, 2 ecdsa)`);
  if (bytes.length !== 1 + scheme.length) {
    throw new Error(`sig is ${bytes.length - 1} bytes of ${scheme.name.toLowerCase()} signature; expected ${scheme.length}`);
  }
  return { request, signature: { [scheme.name]: u8aToHex(bytes.subarray(1)) } };
}

/**
 * Whether the merchant signed the parsed request for the chain of `genesisHash`: the check a
 * wallet makes before showing the payment, and the runtime makes again.
 */
export function verifyPayload(genesisHash, { request, signature }) {
  const [name, hex] = Object.entries(signature)[0];
  const scheme = SCHEMES.find((candidate) => candidate.name === name);
  if (!scheme) throw new Error(`unknown signature scheme ${name}`);
  const message = signingPayload(genesisHash, request);
  try {
    return scheme.verify(message, hexToU8a(hex), decodeAddress(request.merchant));
  } catch {
    // A malformed signature (e.g. an ECDSA one that recovers no key) is a bad one.
    return false;
  }
}

/**
 * The `SCoin.pay` call of a parsed payload, as a wallet submits it. The order reference goes as
 * hex: polkadot.js would read a reference such as "0x2026" as hex bytes, not as text.
 */
export function payCall(api, { request, signature }) {
  return api.tx.sCoin.pay({ ...request, orderReference: stringToHex(request.orderReference) }, signature);
}

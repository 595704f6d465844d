// The Citizens Card's DIDs and authentication challenges, as a public service builds them
// (format: pallets/citizens/src/authentication.rs and docs/SERVICES.md).

import { u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

/** The chain's SS58 address format. */
export const SS58_PREFIX = 8282;

/** The `InvalidTransaction::Custom` codes of `pallet_citizens::refusal`. */
export const REFUSAL = {
  NOT_A_MEMBER: 1, SUSPENDED: 2, REVOKED: 3, QUOTA_EXHAUSTED: 4, TOO_LARGE: 5, TIP_REFUSED: 6, GENERAL_TRANSACTION: 7,
};

/** The DID of an address (any SS58 format) or public key. */
export function didOf(addressOrPublicKey) {
  return `did:seoul:${encodeAddress(addressOrPublicKey, SS58_PREFIX)}`;
}

/**
 * The challenge a service asks a citizen to sign: domain, chain, DID, audience, a random nonce
 * and an expiry in Unix milliseconds, one per line.
 */
export function makeChallenge({ genesisHash, did, audience, expiresAt, nonce = u8aToHex(globalThis.crypto.getRandomValues(new Uint8Array(16)), -1, false) }) {
  return [
    CHALLENGE_DOMAIN,
    `chain:${genesisHash}`,
    `did:${did}`,
    `audience:${audience}`,
    `nonce:${nonce}`,
    `expires:${expiresAt}`,
  ].join('\n');
}

/** The first line of every challenge: what it is and its version. */
export const CHALLENGE_DOMAIN = 'seoul-civic-auth:v1';

/**
 * The fields of a challenge text (the inverse of `makeChallenge`): `{ genesisHash, did,
 * audience, nonce, expiresAt }`. Throws an Error saying what is wrong with a text that is not one.
 */
export function parseChallenge(text) {
  const lines = String(text).split('\n');
  const keys = ['chain', 'did', 'audience', 'nonce', 'expires'];
  if (lines[0] !== CHALLENGE_DOMAIN || lines.length !== keys.length + 1) {
    throw new Error(`not a Citizens Card challenge: six lines, the first "${CHALLENGE_DOMAIN}"`);
  }
  const fields = lines.slice(1).map((line, index) => {
    const prefix = `${keys[index]}:`;
    if (!line.startsWith(prefix)) throw new Error(`line ${index + 2} must start with "${prefix}"`);
    return line.slice(prefix.length);
  });
  const [genesisHash, did, audience, nonce, expires] = fields;
  if (!/^0x[0-9a-f]{64}$/.test(genesisHash)) throw new Error('chain must be a genesis hash (0x and 64 lowercase hex digits)');
  if (!/^[0-9]+$/.test(expires)) throw new Error('expires must be Unix time in milliseconds');
  return { genesisHash, did, audience, nonce, expiresAt: Number(expires) };
}

/** Signs a challenge with a keyring pair, as a Citizens Card app does; hex signature. */
export function signChallenge(pair, challenge) {
  return u8aToHex(pair.sign(new TextEncoder().encode(challenge)));
}

/** The chain's time: the timestamp of the best block, in Unix milliseconds. */
export async function chainTime(api) {
  return (await api.query.timestamp.now()).toNumber();
}

// Who signs for the member: a key of this browser's keystore (keystore.js), unlocked by the
// member's password, or an account of a wallet extension (the polkadot.js extension, or another
// that injects the same `window.injectedWeb3` interface), which keeps its keys itself and asks the
// member to approve each signature in its own window. The screens use either through one shape:
// `{ address, name, source, signer, signChallenge(text), lock() }`.

import { u8aEq, u8aToHex } from '@polkadot/util';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { signChallenge, SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';
import { ChainError } from './chain.js';

/** The name the wallet gives itself when it asks an extension for access. */
const APP_NAME = 'Seoul citizen wallet';

/**
 * An extension's signer that calls `onAsk` as the extension asks the member, and whose refusals
 * (cancelled, a wrong password, the extension's rate limit) read as `notSigned`.
 */
function askingSigner(signer, onAsk) {
  const asking = (sign) => (...args) => {
    onAsk();
    return sign(...args).catch((error) => {
      throw new ChainError('notSigned', error?.message ?? String(error));
    });
  };
  return { ...signer, signTx: asking(signer.signTx), signBytes: asking(signer.signBytes) };
}

/** `address` (of any SS58 prefix: extensions often keep the generic 42) with the chain's prefix. */
export const chainAddress = (address) => encodeAddress(decodeAddress(address), SS58_PREFIX);

/** Whether the addresses `a` and `b` (of any SS58 prefix) name the same account. */
export const sameAccount = (a, b) => u8aEq(decodeAddress(a), decodeAddress(b));

/** The member's key `pair`, unlocked from this browser's keystore. */
export function keystoreAccount(pair, name) {
  return {
    address: pair.address,
    name,
    source: 'keystore',
    signer: getPolkadotSigner(pair.publicKey, 'Sr25519', (message) => pair.sign(message)),
    signChallenge: async (challenge) => signChallenge(pair, challenge),
    lock: () => pair.lock(),
  };
}

/**
 * The account `injected` of the extension `extension`, its address with the chain's prefix;
 * every signature is approved in the extension, and `onAsk` is called when it asks the member.
 */
export function extensionAccount(injected, extension, { onAsk = () => {} } = {}) {
  const signer = askingSigner(injected.polkadotSigner, onAsk);
  return {
    address: chainAddress(injected.address),
    name: injected.name,
    source: extension,
    signer,
    // Extensions sign text wrapped in <Bytes>…</Bytes>, which citizens_authenticate accepts too.
    signChallenge: async (challenge) => u8aToHex(await signer.signBytes(new TextEncoder().encode(challenge))),
    lock: () => {},
  };
}

/** The names of the wallet extensions that have injected themselves into this page. */
export const injectedExtensions = () => getInjectedExtensions();

/**
 * Asks the extension `name` for access (it shows its own prompt); resolves to the connection,
 * whose `getAccounts()` lists the accounts the member shared, or fails with `extensionRefused`.
 */
export async function connectExtension(name) {
  try {
    return await connectInjectedExtension(name, APP_NAME);
  } catch (error) {
    throw new ChainError('extensionRefused', error?.message ?? String(error));
  }
}

// The member's keys, kept in the browser's storage only as polkadot.js JSON (scrypt and
// xsalsa20-poly1305 under the member's password), the format the polkadot.js extension and apps
// import and export. A key is decrypted only to sign and stays decrypted only while unlocked.

import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto';
import { SS58_PREFIX } from 'seoul-chain-tools/lib/citizens.js';

const STORAGE_KEY = 'seoul-wallet/accounts';
/** The shortest password the wallet accepts: the JSON it guards may be copied off the device. */
export const MIN_PASSWORD_LENGTH = 8;

/** Why a key could not be added or unlocked; `code` names the message shown (i18n.js). */
export class KeyError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });

/** Resolves once the cryptography (WebAssembly) is ready. */
export const ready = () => cryptoWaitReady();

/** The stored accounts: `[{ address, name, json }]`. */
export function accounts() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY)) ?? [];
  } catch {
    return [];
  }
}

function save(list) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
}

/** A new twelve-word recovery phrase. */
export const newMnemonic = () => mnemonicGenerate(12);

/**
 * Adds the key of `secret` (a recovery phrase, or a development URI such as `//Alice`) under
 * `name`, encrypted with `password`; returns its address.
 */
export function addFromSecret(secret, name, password) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new KeyError('passwordTooShort');
  const phrase = secret.trim().replace(/\s+/g, ' ');
  if (!phrase.startsWith('//') && !mnemonicValidate(phrase)) throw new KeyError('badSecret');
  let pair;
  try {
    pair = keyring.createFromUri(phrase);
  } catch {
    throw new KeyError('badSecret');
  }
  return store(pair.toJson(password), name);
}

/** Adds a key exported as polkadot.js JSON (text), after checking that `password` opens it. */
export function addFromJson(text, password) {
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyError('badJson');
  }
  let pair;
  try {
    pair = keyring.createFromJson(json);
  } catch {
    throw new KeyError('badJson');
  }
  decrypt(pair, password);
  return store(json, json.meta?.name ?? '');
}

function store(json, name) {
  const { address } = keyring.createFromJson(json);
  const list = accounts().filter((account) => account.address !== address);
  list.push({ address, name, json: { ...json, meta: { ...json.meta, name } } });
  save(list);
  return address;
}

function decrypt(pair, password) {
  try {
    pair.decodePkcs8(password);
  } catch {
    throw new KeyError('wrongPassword');
  }
}

/** The key pair of `address`, decrypted with `password`: it signs until `lock()`. */
export function unlock(address, password) {
  const account = accounts().find((candidate) => candidate.address === address);
  if (!account) throw new KeyError('unknownAccount');
  const pair = keyring.createFromJson(account.json);
  decrypt(pair, password);
  return pair;
}

/** The stored JSON of `address`, to back it up or move it to another wallet. */
export function exportJson(address) {
  return accounts().find((account) => account.address === address)?.json;
}

/** Removes `address` from this browser. */
export function forget(address) {
  save(accounts().filter((account) => account.address !== address));
}

/** Where the credentials of `address` are kept: documents hold personal data, so only here. */
const credentialsKey = (address) => `seoul-wallet/credentials/${address}`;

/** The credential documents (VC 2.0 JSON texts) the member of `address` keeps on this device. */
export function heldCredentials(address) {
  try {
    return JSON.parse(localStorage.getItem(credentialsKey(address))) ?? [];
  } catch {
    return [];
  }
}

/** Keeps a credential document (its text, byte for byte as issued) for `address`. */
export function keepCredential(address, text) {
  const held = heldCredentials(address).filter((kept) => kept !== text);
  held.push(text);
  localStorage.setItem(credentialsKey(address), JSON.stringify(held));
}

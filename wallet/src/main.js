// The wallet's screens: connect to a node, create, import or unlock a key, see the member's
// Citizens Card and balance, and send S-coin. State lives in the page; keys in keystore.js.

import { blake2AsHex } from '@polkadot/util-crypto';
import QRCode from 'qrcode';
import { CHALLENGE_DOMAIN } from 'seoul-chain-tools/lib/citizens.js';
import { describeCredential, parseJson } from 'seoul-chain-tools/lib/credentials.js';
import { planckToScn, scnToPlanck } from 'seoul-chain-tools/lib/scoin.js';
import {
  balance, catalogue, ChainError, checkChallenge, checkCredential, checkPaymentRequest, connectLight, connectRpc, earnings,
  acceptContractCall, contractsOf, followFinalised, donationsOf, isChainAddress, member, payCall, programmes, redeemCall, signAndSend, submissionOf, submitCall,
  transferCall, voucherOf,
} from './chain.js';
import { historyOf } from './history.js';
import { applyLanguage, currentLanguage, setLanguage, t } from './i18n.js';
import * as keystore from './keystore.js';
import { readQr, scanCamera } from './qr.js';
import {
  chainAddress, connectExtension, extensionAccount, injectedExtensions, keystoreAccount, sameAccount,
} from './signers.js';

const RPC_KEY = 'seoul-wallet/rpc';
/** How long after the start the wallet looks for wallet extensions in the page. */
const EXTENSION_WAIT_MS = 5_000;
/** The kinds of extension account that can sign for this chain's accounts and sign in. */
const SIGNING_TYPES = ['sr25519', 'ed25519'];
const $ = (id) => document.getElementById(id);

let connection;
let stopFollowing = () => {};
/** The account in use (signers.js): a key unlocked from this browser, or an extension's. */
let account;
/** The wallet extension the member connected, whose shared accounts are offered. */
let extension;
/** The name of the extension being asked for access, until it answers. */
let connectingExtension;
let pendingTransfer;
let mnemonic;
/** The payment request or sign-in challenge shown, waiting for the member's decision. */
let pendingPayment;
let pendingChallenge;
let pendingRedemption;
/** A sign-in link's challenge (`#signin=…`), shown once the member unlocks a key. */
let linkedChallenge;
let stopCamera;
/** The indexer's GraphQL address, if the wallet's config names one. */
let indexerUrl;
/** The reward programmes known so far, `[{ id, name }]`; newer ones are added as they appear. */
let knownProgrammes = [];
/** The hashes of the credentials the member chose to submit. */
const chosenCredentials = new Set();
/** A refresh under way: blocks that finalise meanwhile do not start another. */
let refreshing;

/** Shows `code`'s message (a KeyError, ChainError or plain error) where a screen reader hears it. */
function showError(error) {
  const key = `error.${error.code}`;
  const text = t(key, { detail: error.detail });
  $('error').textContent = text === key ? t('error.failed', { detail: error.message }) : text;
}

function clearMessages() {
  $('error').textContent = '';
  $('status').textContent = '';
}

/** Runs a form's action with its button disabled, showing any error. */
function action(form, run) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    clearMessages();
    button.disabled = true;
    try {
      await run(new FormData(form));
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
}

function label(prefix, value) {
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? value : text;
}

function renderAccounts() {
  const list = keystore.accounts();
  const select = $('unlock-account');
  select.replaceChildren(...list.map(({ address, name }) => {
    const option = document.createElement('option');
    option.value = address;
    option.textContent = name ? `${name} (${address})` : address;
    return option;
  }));
  $('unlock-section').hidden = list.length === 0 || Boolean(account);
}

function newMnemonic() {
  mnemonic = keystore.newMnemonic();
  $('mnemonic').textContent = mnemonic;
  $('written-down').checked = false;
}

/** Replaces the connection with the one `open()` makes, and follows its finalised blocks. */
async function useConnection(open, connectingText) {
  knownProgrammes = [];
  stopFollowing();
  connection?.destroy();
  connection = undefined;
  $('connection').textContent = connectingText;
  try {
    connection = await open();
  } catch (error) {
    $('connection').textContent = '';
    throw error;
  }
  stopFollowing = followFinalised(connection, (block) => {
    connection.finalised = block;
    renderConnection();
    if (account) refresh({ ifIdle: true }).catch(showError);
  });
  renderConnection();
  if (account) await refresh();
}

/** Connects to the node at `url` (the member's choice, kept for the next visit). */
async function connect(url) {
  await useConnection(() => connectRpc(url), t('connecting'));
  localStorage.setItem(RPC_KEY, url);
}

function renderConnection() {
  if (!connection) return;
  $('connection').textContent = t('connected', {
    name: connection.name, mode: t(connection.mode === 'light' ? 'modeLight' : 'modeRpc'), block: connection.finalised ?? '…',
  });
}

/**
 * Whether `list` must be drawn again to show `shown` (what it shows, as JSON): lists are drawn
 * again only when that changes, so that a keyboard user's focus stays where it is from block to
 * block. The language switch forgets every list's record, so that all are drawn again.
 */
function needsRedraw(list, shown) {
  const text = JSON.stringify(shown, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
  if (list.dataset.shown === text) return false;
  list.dataset.shown = text;
  return true;
}

/** Lists the catalogue's items, each with its redeem button. */
function renderCatalogue(items) {
  if (!needsRedraw($('catalogue'), items)) return;
  $('catalogue').replaceChildren(...items.map((item) => {
    const row = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('redeem');
    button.setAttribute('aria-label', t('redeemItem', { name: item.name }));
    button.dataset.item = String(item.id);
    button.addEventListener('click', () => {
      clearMessages();
      pendingRedemption = item;
      $('redeem-text').textContent = t('confirmRedeem', { name: item.name, price: planckToScn(item.price) });
      $('redeem').hidden = false;
      $('redeem-confirm').focus();
    });
    row.append(`${t('catalogueItem', { name: item.name, price: planckToScn(item.price), stock: item.stock })} `, button);
    return row;
  }));
  $('catalogue-empty').hidden = items.length > 0;
}

/** A list's items as text. */
function renderList(id, lines) {
  const list = $(id);
  if (!needsRedraw(list, lines)) return;
  list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}

async function renderEarnings() {
  knownProgrammes.push(...await programmes(connection, knownProgrammes.length));
  const earned = await earnings(connection, account.address, knownProgrammes);
  renderList('earnings', earned.map((programme) => t('earning', {
    name: programme.name, earned: planckToScn(programme.earned), capLeft: planckToScn(programme.capLeft),
  })));
  $('earnings-empty').hidden = earned.length > 0;
  if (!indexerUrl) return;
  const history = await historyOf(indexerUrl, account.address);
  const nameOf = (id) => knownProgrammes.find((programme) => programme.id === id)?.name ?? `#${id}`;
  renderList('history-rewards', history.rewards.map((reward) => t('historyReward', {
    name: nameOf(reward.programme), total: planckToScn(reward.total), count: reward.count,
  })));
  renderList('history-payments', history.payments.map((payment) => t('historyPayment', {
    day: payment.day, merchant: payment.merchant, amount: planckToScn(payment.amount), order: payment.orderReference,
  })));
  $('history').hidden = false;
}

/** Won as people write it: 10,320. */
const won = (amount) => Number(amount).toLocaleString('ko-KR');

/**
 * Lists the member's work contracts, each with its pay statements, and a button to sign a
 * proposal made to the member.
 */
async function renderContracts() {
  const contracts = await contractsOf(connection, account.address);
  const rows = contracts.map((contract) => ({
    id: contract.id,
    sign: contract.standing === 'proposed' && contract.party === 'worker',
    line: t('contractLine', {
      id: contract.id,
      employer: contract.employer,
      start: contract.start,
      end: contract.end ? t('contractEnd', { end: contract.end }) : '',
      wage: won(contract.hourlyWage),
      standing: t(`standing.${contract.standing}`),
    }),
    statements: contract.statements.map((statement) => t('statementLine', {
      from: statement.from,
      to: statement.to,
      gross: won(statement.gross),
      net: won(statement.net),
      computed: won(statement.computedGross),
      shortfall: won(statement.shortfall),
      status: t(`statementStatus.${statement.status}`),
    })),
  }));
  const list = $('contracts');
  $('contracts-empty').hidden = rows.length > 0;
  if (!needsRedraw(list, rows)) return;
  list.replaceChildren(...rows.map((row) => {
    const item = document.createElement('li');
    item.append(row.line);
    if (row.sign) {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: t('acceptContract', { id: row.id }) });
      button.dataset.contract = String(row.id);
      button.addEventListener('click', () => acceptContract(row.id, button));
      item.append(' ', button);
    }
    if (row.statements.length > 0) {
      const statements = document.createElement('ul');
      statements.append(...row.statements.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
      item.append(statements);
    }
    return item;
  }));
}

/** Signs proposed contract `id` as its worker, the button the member pressed disabled meanwhile. */
async function acceptContract(id, button) {
  clearMessages();
  button.disabled = true;
  try {
    const { block } = await signAndSend(acceptContractCall(connection, id), account.signer, (state, inBlock) => {
      if (state === 'inBlock') $('status').textContent = t('statusInBlock', { block: inBlock });
    });
    $('status').textContent = t('accepted', { id, block });
    await refresh();
  } catch (error) {
    $('status').textContent = '';
    showError(error);
    button.disabled = false;
  }
}

/** An amount of a donation: S-coin, or won (both counted in millionths). */
function donationAmount(kind, planck) {
  return kind === 'scoin' ? `${planckToScn(planck)} SCN` : t('wonAmount', { amount: planckToScn(planck) });
}

/** Lists the member's donations and where each went. */
async function renderDonations() {
  const donations = await donationsOf(connection, account.address);
  renderList('donations', donations.map((donation) => t('donationLine', {
    campaign: donation.campaign,
    date: new Date(donation.givenAt).toLocaleDateString(currentLanguage() === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' }),
    amount: donationAmount(donation.kind, donation.amount),
    state: t(`donationState.${donation.state}`),
    released: donationAmount(donation.kind, donation.released),
    held: donationAmount(donation.kind, donation.held),
    refunded: donationAmount(donation.kind, donation.refunded),
  })));
  $('donations-empty').hidden = donations.length > 0;
}

/** A credential's kind for people: the most specific of its VC types. */
const credentialType = (vc) => [].concat(vc.type).filter((type) => type !== 'VerifiableCredential').pop() ?? 'VerifiableCredential';

/**
 * Lists the credentials kept on this device with the chain's verdict on each, and a checkbox to
 * include it in a submission.
 */
async function renderCredentials() {
  const held = keystore.heldCredentials(account.address).map((text) => parseJson(text));
  const checked = await Promise.all(held.map((vc) => checkCredential(connection, vc)));
  const rows = checked.map((credential, index) => ({
    hash: credential.hash,
    type: credentialType(held[index]),
    line: t('credentialLine', { type: credentialType(held[index]), issuer: credential.issuer, verdict: t(`verdict.${credential.verdict}`) }),
  }));
  const list = $('credentials');
  if (!needsRedraw(list, rows)) return;
  list.replaceChildren(...rows.map((row) => {
    const item = document.createElement('li');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: `credential-${row.hash}`, checked: chosenCredentials.has(row.hash) });
    box.dataset.hash = row.hash;
    box.setAttribute('aria-label', t('credentialSelect', { type: row.type }));
    box.addEventListener('change', () => (box.checked ? chosenCredentials.add(row.hash) : chosenCredentials.delete(row.hash)));
    const label = Object.assign(document.createElement('label'), { htmlFor: box.id, textContent: ` ${row.line}` });
    item.append(box, label);
    return item;
  }));
}

/**
 * Reads the unlocked member's card, balance, rewards and the catalogue again: after the read
 * under way, or, `ifIdle` (a new block), only if none is.
 */
async function refresh({ ifIdle = false } = {}) {
  if (refreshing) {
    if (ifIdle) return;
    await refreshing.catch(() => {});
  }
  refreshing = readAll();
  try {
    await refreshing;
  } finally {
    refreshing = undefined;
  }
}

async function readAll() {
  if (!connection || !account) return;
  const [card, free, items] = await Promise.all([
    member(connection, account.address), balance(connection, account.address), catalogue(connection), renderEarnings(),
    renderCredentials(), renderDonations(), renderContracts(),
  ]);
  renderCatalogue(items);
  $('not-member').hidden = Boolean(card);
  $('member-did').textContent = card?.did ?? `did:seoul:${account.address}`;
  $('member-kind').textContent = card ? label('kind', card.kind) : '—';
  $('member-status').textContent = card ? label('status', card.status) : '—';
  $('member-quota').textContent = card ? t('quotaValue', card.quota) : '—';
  $('balance').textContent = `${planckToScn(free)} ${connection.symbol}`;
}

function showWallet() {
  $('wallet-section').hidden = !account;
  // Adding keys is for a locked wallet: an unlocked one shows the member's own screens only.
  $('add-section').hidden = Boolean(account);
  // A backup file exists only of the keys this browser keeps.
  $('export').hidden = account?.source !== 'keystore';
  if (account) {
    $('signed-by').textContent = account.source === 'keystore' ? t('signedByKeystore') : t('signedByExtension', { extension: account.source });
  }
  renderAccounts();
  renderExtensions();
}

/**
 * Offers the wallet extensions present in the page: a button to connect each, then the
 * accounts the member shared with the wallet, kept current as the member changes them.
 */
function renderExtensions() {
  const names = injectedExtensions();
  $('extension-section').hidden = names.length === 0 || Boolean(account);
  if (needsRedraw($('extension-connect'), names)) {
    $('extension-connect').replaceChildren(...names.map((name) => Object.assign(document.createElement('button'), {
      type: 'button', textContent: t('connectExtension', { extension: name }), onclick: () => useExtension(name),
    })));
  }
  for (const button of $('extension-connect').children) button.disabled = Boolean(connectingExtension);
  const shared = sharedAccounts();
  $('extension-form').hidden = shared.length === 0;
  $('extension-none').hidden = !extension || shared.length > 0;
  const offered = shared.map(({ address, name }) => ({
    value: address, textContent: name ? `${name} (${chainAddress(address)})` : chainAddress(address),
  }));
  if (needsRedraw($('extension-account'), offered)) {
    $('extension-account').replaceChildren(...offered.map((option) => Object.assign(document.createElement('option'), option)));
  }
}

/**
 * The accounts the connected extension shares that can sign for this chain: sr25519 and ed25519
 * keys (a sign-in signature is one of those; ecdsa and Ethereum accounts are left out).
 */
const sharedAccounts = () => (extension?.getAccounts() ?? []).filter(({ type }) => SIGNING_TYPES.includes(type));

/** Asks the extension `name` for access (it asks the member), then offers what it shares. */
async function useExtension(name) {
  if (connectingExtension) return;
  clearMessages();
  extension?.disconnect();
  extension = undefined;
  connectingExtension = name;
  askInExtension(name);
  renderExtensions();
  try {
    extension = await connectExtension(name);
    extension.subscribe(() => {
      // The member stopped sharing the account in use: the wallet stops using it.
      if (account && account.source === extension?.name && !sharedAccounts().some((shared) => sameAccount(shared.address, account.address))) {
        lock();
        $('error').textContent = t('error.accountWithdrawn');
      }
      renderExtensions();
    });
    $('status').textContent = '';
  } catch (error) {
    $('status').textContent = '';
    showError(error);
  } finally {
    connectingExtension = undefined;
    renderExtensions();
  }
}

/** Tells the member that the extension `name` is asking them, in its own window. */
function askInExtension(name) {
  $('status').textContent = t('approveInExtension', { extension: name });
}

/**
 * Extensions inject themselves after the page loads, when they are ready: the wallet looks for
 * them during its first seconds.
 */
function watchForExtensions() {
  const started = Date.now();
  const timer = setInterval(() => {
    renderExtensions();
    if (Date.now() - started > EXTENSION_WAIT_MS) clearInterval(timer);
  }, 250);
}

function parseAmount(text) {
  try {
    const planck = scnToPlanck(text.trim());
    if (planck > 0n) return planck;
  } catch {
    // shown below
  }
  throw new ChainError('badAmount');
}

action($('connect-form'), async (form) => connect(form.get('rpc').trim()));

action($('create-form'), async (form) => {
  if (!$('written-down').checked) throw new ChainError('notWrittenDown');
  if (form.get('password') !== form.get('repeat')) throw new ChainError('passwordMismatch');
  keystore.addFromSecret(mnemonic, form.get('name').trim(), form.get('password'));
  $('create-form').reset();
  newMnemonic();
  renderAccounts();
});

action($('import-form'), async (form) => {
  keystore.addFromSecret(form.get('secret'), form.get('name').trim(), form.get('password'));
  $('import-form').reset();
  renderAccounts();
});

action($('import-json-form'), async (form) => {
  keystore.addFromJson(await form.get('file').text(), form.get('password'));
  $('import-json-form').reset();
  renderAccounts();
});

action($('unlock-form'), async (form) => {
  const address = form.get('account');
  const { name } = keystore.accounts().find((stored) => stored.address === address) ?? {};
  const pair = keystore.unlock(address, form.get('password'));
  $('unlock-form').reset();
  await enter(keystoreAccount(pair, name));
});

action($('extension-form'), async (form) => {
  const injected = sharedAccounts().find((shared) => shared.address === form.get('account'));
  if (!injected) throw new ChainError('unknownAccount');
  const { name } = extension;
  await enter(extensionAccount(injected, name, { onAsk: () => askInExtension(name) }));
});

/** Shows the wallet of `chosen`, and the sign-in a link brought, if any. */
async function enter(chosen) {
  account = chosen;
  showWallet();
  await refresh();
  if (linkedChallenge) {
    const text = linkedChallenge;
    linkedChallenge = undefined;
    await handleScanned(text);
  }
}

action($('transfer-form'), async (form) => {
  const to = form.get('to').trim();
  if (!isChainAddress(to)) throw new ChainError('badAddress');
  const planck = parseAmount(form.get('amount'));
  pendingTransfer = { to, planck };
  $('confirm-text').textContent = t('confirmTransfer', { to, amount: planckToScn(planck) });
  $('confirm').hidden = false;
  $('confirm-send').focus();
});

$('confirm-cancel').addEventListener('click', () => {
  pendingTransfer = undefined;
  $('confirm').hidden = true;
});

$('confirm-send').addEventListener('click', async () => {
  const { to, planck } = pendingTransfer;
  pendingTransfer = undefined;
  $('confirm').hidden = true;
  clearMessages();
  $('confirm-send').disabled = true;
  try {
    const status = {
      signed: () => t('statusSigned'), broadcasted: () => t('statusBroadcasted'), inBlock: (block) => t('statusInBlock', { block }),
    };
    const { block } = await signAndSend(transferCall(connection, to, planck), account.signer, (state, block) => {
      if (status[state]) $('status').textContent = status[state](block);
    });
    $('status').textContent = t('sent', { block });
    $('transfer-form').reset();
    await refresh();
  } catch (error) {
    $('status').textContent = '';
    showError(error);
  } finally {
    $('confirm-send').disabled = false;
  }
});

/** Shows what a scanned or pasted QR code asks: a payment or a sign-in. */
async function handleScanned(text) {
  $('payment').hidden = true;
  $('signin').hidden = true;
  const trimmed = text.trim();
  if (trimmed.startsWith('scoin:pay')) await showPayment(await checkPaymentRequest(connection, trimmed));
  else if (trimmed.startsWith(CHALLENGE_DOMAIN)) await showChallenge(trimmed);
  else throw new ChainError('unknownQr');
}

async function showPayment(checked) {
  const { request, merchant, problem } = checked;
  pendingPayment = problem ? undefined : checked;
  $('payment-merchant').textContent = t('merchantValue', { zeropayId: merchant?.zeropayId ?? '—', address: request.merchant });
  $('payment-amount').textContent = `${planckToScn(request.amount)} SCN`;
  $('payment-order').textContent = request.orderReference;
  $('payment-expiry').textContent = t('expiryBlock', { block: request.expiry });
  $('payment-problem').textContent = problem ? t(`problem.${problem}`) : '';
  $('pay').disabled = Boolean(problem);
  $('payment').hidden = false;
  (problem ? $('pay-cancel') : $('pay')).focus();
}

async function showChallenge(text) {
  const challenge = await checkChallenge(connection, text, account.address);
  pendingChallenge = text;
  $('signin-audience').textContent = challenge.audience;
  $('signin-expires').textContent = new Date(challenge.expiresAt).toLocaleString(currentLanguage() === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul' });
  $('signin-result').hidden = true;
  $('signin-sign').disabled = false;
  $('signin').hidden = false;
  $('signin-sign').focus();
}

action($('scan-form'), async (form) => {
  const image = form.get('image');
  let text = form.get('text');
  if (image?.size) {
    text = await readQr(image);
    if (!text) throw new ChainError('noQrFound');
  }
  await handleScanned(text);
  $('scan-form').reset();
});

$('scan-camera').addEventListener('click', async () => {
  if (stopCamera) {
    stopCamera();
    return;
  }
  clearMessages();
  const controller = new AbortController();
  stopCamera = () => controller.abort();
  $('scan-camera').textContent = t('stopCamera');
  $('camera').hidden = false;
  try {
    const text = await scanCamera($('camera'), controller.signal).catch((error) => {
      throw new ChainError('camera', error.message);
    });
    if (text) await handleScanned(text);
  } catch (error) {
    showError(error);
  } finally {
    stopCamera = undefined;
    $('camera').hidden = true;
    $('scan-camera').textContent = t('camera');
  }
});

$('pay').addEventListener('click', async () => {
  const checked = pendingPayment;
  if (!checked) return;
  pendingPayment = undefined;
  clearMessages();
  $('pay').disabled = true;
  try {
    const { block } = await signAndSend(payCall(connection, checked), account.signer, (state, inBlock) => {
      if (state === 'inBlock') $('status').textContent = t('statusInBlock', { block: inBlock });
    });
    $('payment').hidden = true;
    $('status').textContent = t('paid', {
      block, zeropayId: checked.merchant.zeropayId, amount: planckToScn(checked.request.amount), order: checked.request.orderReference,
    });
    await refresh();
  } catch (error) {
    $('status').textContent = '';
    showError(error);
  }
});

action($('credential-add-form'), async (form) => {
  const text = await form.get('file').text();
  try {
    describeCredential(parseJson(text));
  } catch (error) {
    throw new ChainError('badCredential', error.message);
  }
  keystore.keepCredential(account.address, text);
  $('credential-add-form').reset();
  await refresh();
});

action($('credential-submit-form'), async (form) => {
  const verifier = form.get('verifier').trim();
  if (!isChainAddress(verifier)) throw new ChainError('badAddress');
  if (chosenCredentials.size === 0) throw new ChainError('noCredentialSelected');
  const purposeHash = blake2AsHex(form.get('purpose').trim());
  const { block, events } = await signAndSend(submitCall(connection, verifier, [...chosenCredentials], purposeHash), account.signer,
    (state, inBlock) => {
      if (state === 'inBlock') $('status').textContent = t('statusInBlock', { block: inBlock });
    });
  $('status').textContent = t('submitted', { block, submission: submissionOf(events) });
  $('credential-submit-form').reset();
});

$('redeem-confirm').addEventListener('click', async () => {
  const item = pendingRedemption;
  if (!item) return;
  pendingRedemption = undefined;
  $('redeem').hidden = true;
  clearMessages();
  try {
    const { block, events } = await signAndSend(redeemCall(connection, item.id), account.signer, (state, inBlock) => {
      if (state === 'inBlock') $('status').textContent = t('statusInBlock', { block: inBlock });
    });
    $('status').textContent = t('redeemed', { block, voucher: voucherOf(events) });
    await refresh();
  } catch (error) {
    $('status').textContent = '';
    showError(error);
  }
});

$('redeem-cancel').addEventListener('click', () => {
  pendingRedemption = undefined;
  $('redeem').hidden = true;
});

$('pay-cancel').addEventListener('click', () => {
  pendingPayment = undefined;
  $('payment').hidden = true;
});

$('signin-sign').addEventListener('click', async () => {
  if (!pendingChallenge) return;
  const [challenge, signer] = [pendingChallenge, account];
  $('signin-sign').disabled = true;
  let signature;
  try {
    signature = await signer.signChallenge(challenge);
  } catch (error) {
    if (pendingChallenge === challenge) $('signin-sign').disabled = false;
    showError(error);
    return;
  }
  // An extension's approval takes a while: another challenge, or another account, may have
  // come meanwhile, and this signature must not be shown under its name.
  if (pendingChallenge !== challenge || account !== signer) return;
  pendingChallenge = undefined;
  $('status').textContent = '';
  $('signin-signature').textContent = signature;
  $('signin-qr').src = await QRCode.toDataURL(signature, { errorCorrectionLevel: 'M' });
  $('signin-qr').alt = signature;
  $('signin-result').hidden = false;
});

$('signin-cancel').addEventListener('click', () => {
  pendingChallenge = undefined;
  $('signin').hidden = true;
});

$('lock').addEventListener('click', () => lock());

/**
 * Leaves the account: a keystore key is locked again, an extension is disconnected (choosing
 * its account again asks the extension again), and nothing prepared for it stays to be sent.
 */
function lock() {
  chosenCredentials.clear();
  delete $('credentials').dataset.shown;
  account?.lock();
  account = undefined;
  extension?.disconnect();
  extension = undefined;
  pendingTransfer = undefined;
  pendingPayment = undefined;
  pendingChallenge = undefined;
  pendingRedemption = undefined;
  $('transfer-form').reset();
  $('confirm').hidden = true;
  $('payment').hidden = true;
  $('signin').hidden = true;
  $('redeem').hidden = true;
  showWallet();
}

$('export').addEventListener('click', () => {
  const json = keystore.exportJson(account.address);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
  link.download = `${account.address}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
});

$('language').addEventListener('click', () => {
  setLanguage(currentLanguage() === 'ko' ? 'en' : 'ko');
  for (const list of document.querySelectorAll('[data-shown]')) delete list.dataset.shown;
  showWallet();
  renderConnection();
  refresh().catch(showError);
});

async function start() {
  applyLanguage();
  // A service's sign-in link: https://<wallet>/#signin=<the challenge, URI-encoded>.
  if (location.hash.startsWith('#signin=')) linkedChallenge = decodeURIComponent(location.hash.slice('#signin='.length));
  await keystore.ready();
  newMnemonic();
  renderAccounts();
  watchForExtensions();
  const config = await fetch('./config.json').then((response) => response.json()).catch(() => ({}));
  indexerUrl = config.indexer;
  const chosen = localStorage.getItem(RPC_KEY);
  const url = chosen ?? config.rpc ?? 'ws://127.0.0.1:9944';
  $('rpc-url').value = url;
  document.body.dataset.ready = 'true';
  // A light client unless the member chose a node: it checks what it is shown; the node's RPC,
  // which the member must trust, is the fallback.
  if (config.chainSpec && !chosen) {
    try {
      const chainSpec = await fetch(config.chainSpec).then((response) => response.text());
      await useConnection(() => connectLight(chainSpec, config.lightClientTimeoutMs ?? 60_000), t('connectingLight'));
      return;
    } catch {
      $('status').textContent = t('lightFallback');
    }
  }
  await useConnection(() => connectRpc(url), t('connecting')).catch(showError);
}

start();

// The wallet's screens: connect to a node, create, import or unlock a key, see the member's
// Citizens Card and balance, and send S-coin. State lives in the page; keys in keystore.js.

import { planckToScn, scnToPlanck } from 'seoul-chain-tools/lib/scoin.js';
import {
  balance, ChainError, connectRpc, followFinalised, isChainAddress, member, signAndSend, transferCall,
} from './chain.js';
import { applyLanguage, currentLanguage, setLanguage, t } from './i18n.js';
import * as keystore from './keystore.js';

const RPC_KEY = 'seoul-wallet/rpc';
const $ = (id) => document.getElementById(id);

let connection;
let stopFollowing = () => {};
let pair;
let pendingTransfer;
let mnemonic;

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
  $('unlock-section').hidden = list.length === 0 || Boolean(pair);
}

function newMnemonic() {
  mnemonic = keystore.newMnemonic();
  $('mnemonic').textContent = mnemonic;
  $('written-down').checked = false;
}

async function connect(url) {
  stopFollowing();
  connection?.destroy();
  connection = undefined;
  $('connection').textContent = t('connecting');
  try {
    connection = await connectRpc(url);
  } catch (error) {
    $('connection').textContent = '';
    throw error;
  }
  localStorage.setItem(RPC_KEY, url);
  stopFollowing = followFinalised(connection, (block) => {
    connection.finalised = block;
    renderConnection();
    if (pair) refresh().catch(showError);
  });
  renderConnection();
}

function renderConnection() {
  if (!connection) return;
  $('connection').textContent = t('connected', {
    name: connection.name, mode: t('modeRpc'), block: connection.finalised ?? '…',
  });
}

/** Reads the unlocked member's card and balance again. */
async function refresh() {
  if (!connection || !pair) return;
  const [card, free] = await Promise.all([member(connection, pair.address), balance(connection, pair.address)]);
  $('not-member').hidden = Boolean(card);
  $('member-did').textContent = card?.did ?? `did:seoul:${pair.address}`;
  $('member-kind').textContent = card ? label('kind', card.kind) : '—';
  $('member-status').textContent = card ? label('status', card.status) : '—';
  $('member-quota').textContent = card ? t('quotaValue', card.quota) : '—';
  $('balance').textContent = `${planckToScn(free)} ${connection.symbol}`;
}

function showWallet() {
  $('wallet-section').hidden = !pair;
  // Adding keys is for a locked wallet: an unlocked one shows the member's own screens only.
  $('add-section').hidden = Boolean(pair);
  renderAccounts();
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
  pair = keystore.unlock(form.get('account'), form.get('password'));
  $('unlock-form').reset();
  showWallet();
  await refresh();
});

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
    const { block } = await signAndSend(transferCall(connection, to, planck), pair, (state, block) => {
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

$('lock').addEventListener('click', () => {
  pair?.lock();
  pair = undefined;
  showWallet();
});

$('export').addEventListener('click', () => {
  const json = keystore.exportJson(pair.address);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(json)], { type: 'application/json' }));
  link.download = `${pair.address}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
});

$('language').addEventListener('click', () => {
  setLanguage(currentLanguage() === 'ko' ? 'en' : 'ko');
  renderConnection();
  refresh().catch(showError);
});

async function start() {
  applyLanguage();
  await keystore.ready();
  newMnemonic();
  renderAccounts();
  const config = await (await fetch('./config.json')).json().catch(() => ({}));
  const url = localStorage.getItem(RPC_KEY) ?? config.rpc ?? 'ws://127.0.0.1:9944';
  $('rpc-url').value = url;
  document.body.dataset.ready = 'true';
  await connect(url).catch(showError);
}

start();

// The citizen wallet with the polkadot.js extension, in a real headless Chromium against
// `seoul-node --dev`: the extension (the published @polkadot/extension-base background and page
// code, e2e/lib/extension.js) keeps //Dave's key; the wallet finds it in the page, asks for
// access, which the member allows in the extension's window, and uses the shared account. A
// transfer is approved in the extension with its password and shown final; one cancelled in the
// extension is refused with nothing sent; a sign-in link's challenge is signed by the extension
// (wrapped in <Bytes>) and citizens_authenticate accepts it; locking disconnects the extension,
// and an account the member stops sharing is dropped at once, with the transfer prepared for it.

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import {
  didOf, makeChallenge, SS58_PREFIX,
} from 'seoul-chain-tools/lib/citizens.js';
import {
  buildWallet, launchBrowser, screenshot, seriousViolations,
} from '../lib/browser.js';
import { buildExtension } from '../lib/extension.js';
import { serveStatic } from '../lib/static.js';
import {
  connect, rpc, startNode, waitFor,
} from '../lib/node.js';

const EXTENSION_PASSWORD = 'extension-password-1';
/** What the wallet says while the extension asks the member. */
const ASKING = 'polkadot-js 확장 프로그램 창에서 확인하고 승인하세요.';

/** The extension refuses a site's second request within this time (its rate limit, 3 s). */
const EXTENSION_RATE_LIMIT_MS = 3_000;

/** Waits out the extension's rate limit between two requests of the wallet. */
const afterRateLimit = () => new Promise((resolve) => { setTimeout(resolve, EXTENSION_RATE_LIMIT_MS + 500); });

describe('the citizen wallet with the polkadot.js extension', () => {
  let node;
  let api;
  let dist;
  let extensionDir;
  let site;
  let browser;
  let extensionUrl;
  let page;
  let dave;
  let eve;

  before(async () => {
    [node, dist, extensionDir] = await Promise.all([
      startNode(['--dev'], { name: 'wallet-extension-chain' }), buildWallet(), buildExtension(),
    ]);
    api = await connect(node);
    site = await serveStatic(dist, { '/config.json': JSON.stringify({ rpc: node.url }) });
    browser = await launchBrowser([], { extensions: [extensionDir] });
    const worker = await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().endsWith('/background.js'));
    extensionUrl = new URL('/notification.html', worker.url()).href;
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    [dave, eve] = ['//Dave', '//Eve'].map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await browser?.close();
    await api?.disconnect();
    await site?.close();
    await node?.stop();
    for (const dir of [dist, extensionDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const text = (selector) => page.$eval(selector, (element) => element.textContent.trim());
  const nonceOf = async (address) => (await api.rpc.system.accountNextIndex(address)).toNumber();
  const spendable = async (address) => {
    const { data } = await api.query.system.account(address);
    return data.free.toBigInt() - data.frozen.toBigInt();
  };

  /** Fills in a transfer of `amount` SCN to `to` and waits for the wallet's confirmation. */
  async function prepareTransfer(to, amount) {
    await page.type('#transfer-to', to);
    await page.type('#transfer-amount', amount);
    await page.click('#transfer-form button[type="submit"]');
    await page.waitForSelector('#confirm:not([hidden])');
  }

  /** The window the extension opened for a request waiting for the member: the one showing `selector`. */
  function extensionWindow(selector) {
    return waitFor(async () => {
      for (const target of browser.targets()) {
        if (target.type() !== 'page' || target.url() !== extensionUrl) continue;
        const popup = await target.page();
        if (await popup.$(selector)) return popup;
      }
      return undefined;
    }, { timeoutMs: 30_000, what: 'the extension\'s window' });
  }

  test('the member imports a key into the extension and shares it with the wallet, which shows its card', async () => {
    const setup = await browser.newPage();
    await setup.goto(extensionUrl);
    await setup.type('#import-suri', '//Dave');
    await setup.type('#import-name', 'Dave');
    await setup.type('#import-password', EXTENSION_PASSWORD);
    await setup.click('#import-form button[type="submit"]');
    await setup.waitForFunction(() => document.getElementById('status').textContent === 'Imported Dave');
    await setup.close();

    page = await browser.newPage();
    await page.setViewport({ width: 480, height: 900 });
    const genesisHash = api.genesisHash.toHex();
    const challenge = makeChallenge({ genesisHash, did: didOf(dave.address), audience: 'Mapo-gu library', expiresAt: Date.now() + 4 * 60_000 });
    // Opened from a service's sign-in link: the challenge waits until an account is chosen.
    await page.goto(`${site.url}#signin=${encodeURIComponent(challenge)}`);
    page.challenge = challenge;
    await page.waitForSelector('#extension-section:not([hidden]) #extension-connect button');
    assert.equal(await text('#extension-connect button'), 'polkadot-js 연결');
    assert.equal(await page.$eval('#extension-form', (form) => form.checkVisibility()), false, 'no account offered before the extension allows it');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'wallet-extension-found');
    await page.click('#extension-connect button');

    const popup = await extensionWindow('#auth-requests li');
    assert.match(await popup.$eval('#auth-requests li', (item) => item.textContent), /Seoul citizen wallet/);
    await popup.click('#auth-requests li button');
    await page.waitForSelector('#extension-form:not([hidden])');
    const offered = await page.$$eval('#extension-account option', (options) => options.map((option) => option.textContent));
    assert.deepEqual(offered, [`Dave (${dave.address})`], 'the shared account, with the chain\'s address prefix');
    await page.click('#extension-form button[type="submit"]');
    await page.waitForSelector('#wallet-section:not([hidden])');
    await waitFor(async () => (await text('#member-did')) !== '', { what: 'the card' });
    const card = await rpc(node.rpcPort, 'citizens_member', [dave.address]);
    assert.equal(await text('#member-did'), card.did);
    assert.equal(await text('#signed-by'), '확장 프로그램 polkadot-js: 서명할 때마다 확장 프로그램 창에서 승인하세요');
    assert.equal(await page.$eval('#export', (button) => button.hidden), true, 'no backup file of a key the wallet does not hold');
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'wallet-extension-card');
  });

  test('a sign-in link\'s challenge is signed in the extension and citizens_authenticate accepts it', async () => {
    await page.waitForSelector('#signin:not([hidden])');
    assert.equal(await text('#signin-audience'), 'Mapo-gu library');
    await page.click('#signin-sign');
    const popup = await extensionWindow('#sign-requests li');
    assert.match(await popup.$eval('#sign-requests li', (item) => item.textContent), /signs bytes 0x/);
    await popup.type('#sign-requests li .password', EXTENSION_PASSWORD);
    await popup.click('#sign-requests li button');
    await page.waitForSelector('#signin-result:not([hidden])');
    const signature = await text('#signin-signature');
    assert.equal(signature.length, 2 + 128);
    const verdict = await rpc(node.rpcPort, 'citizens_authenticate', [didOf(dave.address), page.challenge, signature]);
    assert.equal(verdict.authentic, true, JSON.stringify(verdict));
    await screenshot(page, 'wallet-extension-signin');
  });

  test('a transfer approved in the extension is shown final; one cancelled there sends nothing', async () => {
    const nonce = await nonceOf(dave.address);
    const eveBefore = await spendable(eve.address);
    await prepareTransfer(eve.address, '2');
    await afterRateLimit();
    await page.click('#confirm-send');
    let popup = await extensionWindow('#sign-requests li');
    assert.equal(await text('#status'), ASKING);
    assert.match(await popup.$eval('#sign-requests li', (item) => item.textContent), new RegExp(`nonce 0x0*${nonce.toString(16)}\\b`));
    // A wrong password signs nothing; the request stays for the right one and the wallet waits.
    await popup.type('#sign-requests li .password', 'not-the-password');
    await popup.click('#sign-requests li button');
    await popup.waitForFunction(() => document.getElementById('status').textContent !== '');
    assert.match(await popup.$eval('#status', (status) => status.textContent), /decode|password/i);
    assert.equal((await popup.$$('#sign-requests li')).length, 1, 'the request still waits');
    assert.equal(await text('#status'), ASKING);
    assert.equal(await nonceOf(dave.address), nonce);
    await popup.$eval('#sign-requests li .password', (input) => { input.value = ''; });
    await popup.type('#sign-requests li .password', EXTENSION_PASSWORD);
    await popup.click('#sign-requests li button');
    await waitFor(async () => /확정되었습니다/.test(await text('#status')), { timeoutMs: 60_000, what: 'the transfer to be final' });
    assert.equal(await nonceOf(dave.address), nonce + 1);
    assert.equal(await spendable(eve.address) - eveBefore, 2_000_000n);

    await prepareTransfer(eve.address, '3');
    await afterRateLimit();
    await page.click('#confirm-send');
    popup = await extensionWindow('#sign-requests li');
    await popup.click('#sign-requests li button:last-of-type');
    await waitFor(async () => (await text('#error')) !== '', { what: 'the refusal' });
    assert.equal(await text('#error'), '서명하지 않았습니다 (Cancelled). 아무것도 보내지 않았습니다. 다시 하려면 한 번 더 보내고 확장 프로그램 창에서 승인하세요.');
    assert.equal(await nonceOf(dave.address), nonce + 1, 'nothing sent');
    assert.equal(await spendable(eve.address) - eveBefore, 2_000_000n);
    await screenshot(page, 'wallet-extension-cancelled');
  });
  test('locking disconnects the extension; an account the extension stops sharing is dropped with what was prepared for it', async () => {
    await page.click('#lock');
    await page.waitForSelector('#extension-section:not([hidden])');
    assert.equal(await page.$eval('#wallet-section', (section) => section.hidden), true);
    assert.equal(await page.$eval('#extension-form', (form) => form.checkVisibility()), false, 'the extension is asked again');
    await page.click('#language');
    assert.equal(await text('#extension-connect button'), 'Connect polkadot-js');
    assert.equal(await text('#extension-title'), 'Accounts of a browser extension');
    await page.click('#language');
    assert.equal(await text('#extension-connect button'), 'polkadot-js 연결');

    // The site is allowed already: the extension shares the account again without asking.
    await page.click('#extension-connect button');
    await page.waitForSelector('#extension-form:not([hidden])');
    await page.click('#extension-form button[type="submit"]');
    await page.waitForSelector('#wallet-section:not([hidden])');
    await prepareTransfer(eve.address, '4');

    const settings = await browser.newPage();
    await settings.goto(extensionUrl);
    await settings.waitForSelector('#accounts li button');
    await settings.click('#accounts li button');
    await settings.waitForFunction(() => document.querySelectorAll('#accounts li').length === 0);
    await settings.close();
    await page.waitForSelector('#wallet-section[hidden]');
    assert.equal(await text('#error'), '확장 프로그램이 이 계정을 더 이상 공유하지 않아 지갑을 잠갔습니다. 다시 쓰려면 확장 프로그램에서 계정을 허용하세요.');
    assert.equal(await page.$eval('#confirm', (confirm) => confirm.hidden), true, 'the prepared transfer is gone');
    assert.equal(await page.$eval('#transfer-to', (input) => input.value), '');
    await screenshot(page, 'wallet-extension-withdrawn');
  });
});

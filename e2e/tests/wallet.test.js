// The citizen wallet (wallet/) in a real headless Chromium against `seoul-node --dev`, over the
// node's RPC: a member imports a key kept encrypted in the browser, a wrong password is refused,
// the Citizens Card and balance shown are the chain's, a transfer is shown final, a wrong
// address is refused before anything is signed, a merchant's QR image made by
// scripts/scoin-qr.sh is paid while forged and expired ones are refused before signing, a
// service's sign-in challenge is signed so that citizens_authenticate accepts it (and one of
// another chain is refused), and both languages pass an accessibility check. Then through a
// light client (smoldot in the page's worker): the same card read and a transfer made final,
// and the fallback to RPC when no peer can be reached.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  chainTime, didOf, makeChallenge, SS58_PREFIX,
} from 'seoul-chain-tools/lib/citizens.js';
import { readCredential, readJson } from 'seoul-chain-tools/lib/credential-files.js';
import { schemaHash } from 'seoul-chain-tools/lib/credentials.js';
import { planckToScn } from 'seoul-chain-tools/lib/scoin.js';
import {
  buildWallet, launchBrowser, qrVideo, screenshot, seriousViolations,
} from '../lib/browser.js';
import { contractTerms, iso, koreanDate } from '../lib/labor.js';
import { serveStatic } from '../lib/static.js';
import {
  connect, LOCAL_VALIDATORS, NODE_BIN, rpc, startNode, submit, sudo, waitFor,
} from '../lib/node.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'seoul-wallet-test-1';
const CREDENTIALS = path.join(repoRoot, 'e2e/fixtures/credentials');

/** Imports //Dave's key into the wallet on `page` under PASSWORD and unlocks it. */
async function importAndUnlock(page) {
  await page.type('#import-secret', '//Dave');
  await page.type('#import-password', PASSWORD);
  await page.click('#import-form button[type="submit"]');
  await page.waitForSelector('#unlock-section:not([hidden])');
  await page.type('#unlock-password', PASSWORD);
  await page.click('#unlock-form button[type="submit"]');
  await page.waitForSelector('#wallet-section:not([hidden])');
}

describe('the citizen wallet, over RPC', () => {
  let node;
  let api;
  let dist;
  let site;
  let browser;
  let page;
  let alice;
  let bob;
  let dave;
  let eve;
  let merchant;

  before(async () => {
    [node, dist] = await Promise.all([startNode(['--dev'], { name: 'wallet-chain' }), buildWallet()]);
    api = await connect(node);
    site = await serveStatic(dist, { '/config.json': JSON.stringify({ rpc: node.url }) });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 480, height: 900 });
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    [alice, bob, dave, eve, merchant] = ['//Alice', '//Bob', '//Dave', '//Eve', '//SeoulMerchant'].map((uri) => keyring.addFromUri(uri));
  });

  after(async () => {
    await browser?.close();
    await api?.disconnect();
    await site?.close();
    await node?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  const text = (selector) => page.$eval(selector, (element) => element.textContent.trim());
  const visible = (selector) => page.$eval(selector, (element) => !element.closest('[hidden]'));
  const nonceOf = async (address) => (await api.rpc.system.accountNextIndex(address)).toNumber();
  const spendable = async (address) => {
    const { data } = await api.query.system.account(address);
    return data.free.toBigInt() - data.frozen.toBigInt();
  };
  async function type(selector, value) {
    await page.$eval(selector, (element) => { element.value = ''; });
    await page.type(selector, value);
  }

  test('a new account is created from twelve words shown once, under a confirmed password', async () => {
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready]');
    await waitFor(async () => (await text('#connection')).includes('#'), { what: 'the wallet to connect' });
    assert.equal(await page.$eval('html', (html) => html.lang), 'ko');
    await screenshot(page, 'wallet-ko-start');
    const words = (await text('#mnemonic')).split(' ');
    assert.equal(words.length, 12);
    await type('#create-name', 'New citizen');
    await type('#create-password', PASSWORD);
    await type('#create-repeat', `${PASSWORD}!`);
    await page.click('#create-form button[type="submit"]');
    await waitFor(async () => (await text('#error')) !== '', { what: 'the refusal' });
    assert.equal(await text('#error'), '복구 단어를 적어 두었는지 확인해 주세요.');
    await page.click('#written-down');
    await page.click('#create-form button[type="submit"]');
    await waitFor(async () => (await text('#error')) === '두 비밀번호가 다릅니다.', { what: 'the password mismatch' });
    await type('#create-repeat', PASSWORD);
    await page.click('#create-form button[type="submit"]');
    await waitFor(async () => (await page.$$('#unlock-account option')).length === 1, { what: 'the new account' });
    const created = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri(words.join(' ')).address;
    const stored = await page.evaluate(() => localStorage.getItem('seoul-wallet/accounts'));
    assert.ok(JSON.parse(stored).some((account) => account.address === created && account.name === 'New citizen'));
    assert.ok(!stored.includes(words[0] + ' ' + words[1]), 'the words are not stored');
    assert.notEqual(await text('#mnemonic'), words.join(' '), 'the next account gets new words');
  });

  test('a member imports a key, a wrong password is refused, and the card and balance are the chain\'s', async () => {

    await type('#import-secret', '//Dave');
    await type('#import-name', 'Dave');
    await type('#import-password', PASSWORD);
    await page.click('#import-form button[type="submit"]');
    await page.waitForSelector(`#unlock-account option[value="${dave.address}"]`);
    const stored = await page.evaluate(() => localStorage.getItem('seoul-wallet/accounts'));
    const { json } = JSON.parse(stored).find((account) => account.address === dave.address);
    assert.deepEqual(json.encoding.type, ['scrypt', 'xsalsa20-poly1305'], 'kept encrypted');
    assert.ok(!stored.includes('//Dave'), 'the secret is not stored');

    await page.select('#unlock-account', dave.address);
    await type('#unlock-password', 'not the password');
    await page.click('#unlock-form button[type="submit"]');
    await waitFor(async () => (await text('#error')) !== '', { what: 'the refusal' });
    assert.equal(await text('#error'), '비밀번호가 맞지 않습니다.');
    assert.equal(await visible('#wallet-section'), false);

    await type('#unlock-password', PASSWORD);
    await page.click('#unlock-form button[type="submit"]');
    await page.waitForSelector('#wallet-section:not([hidden])');
    await waitFor(async () => (await text('#balance')) !== '', { what: 'the balance' });
    const card = await rpc(node.rpcPort, 'citizens_member', [dave.address]);
    assert.equal(await text('#member-did'), card.did);
    assert.equal(await text('#member-kind'), '시민');
    assert.equal(await text('#member-status'), '사용 중');
    assert.equal(await text('#member-quota'), `${card.quota.remaining} / ${card.quota.allowance} 단위 (블록 #${card.quota.resetsAt}에 초기화)`);
    assert.equal(await text('#balance'), `${planckToScn(await spendable(dave.address))} SCN`);
    await screenshot(page, 'wallet-ko-member');
  });

  test('a reward arrives and is shown with its programme and what the cap still allows', async () => {
    const start = (await api.rpc.chain.getHeader()).number.toNumber();
    await sudo(api, api.tx.utility.batchAll([
      api.tx.sCoin.createProgramme('Property tax e-payment 2026', bob.address, 'TaxPayment', 1_000_000_000n,
        { Fixed: 5_000_000n }, 10_000_000n, 1_000, start, start + 100_000),
      api.tx.sCoin.addRewardIssuer(0, bob.address),
    ]), alice);
    assert.equal(await text('#earnings-empty'), '이번 기간에 받은 보상이 없습니다.');
    await submit(api.tx.sCoin.reward(0, { citizen: dave.address, receipt: blake2AsHex('wallet-test:receipt:1'), amount: 5_000_000n }), bob);
    await waitFor(async () => (await text('#earnings')) === 'Property tax e-payment 2026: 이번 기간 5 SCN (남은 한도 5 SCN)',
      { timeoutMs: 60_000, what: 'the reward in the wallet' });
    assert.equal(await visible('#earnings-empty'), false);
    assert.equal(await visible('#history'), false, 'no history without an indexer');
  });

  test('a transfer is confirmed by the member, shown final, and a wrong address is refused before signing', async () => {
    const nonce = await nonceOf(dave.address);
    const eveBefore = await spendable(eve.address);
    await type('#transfer-to', 'f9jpQ5rq4Ays-not-an-address');
    await type('#transfer-amount', '1.5');
    await page.click('#transfer-form button[type="submit"]');
    await waitFor(async () => (await text('#error')) !== '', { what: 'the refusal' });
    assert.equal(await text('#error'), '받는 계정 주소가 서울 체인 주소가 아닙니다.');
    assert.equal(await visible('#confirm'), false);

    await type('#transfer-to', eve.address);
    await page.click('#transfer-form button[type="submit"]');
    await page.waitForSelector('#confirm:not([hidden])');
    assert.equal(await text('#confirm-text'), `${eve.address}에게 1.5 SCN을 보냅니다. 수수료는 없습니다.`);
    await screenshot(page, 'wallet-ko-confirm');
    assert.equal(await nonceOf(dave.address), nonce, 'nothing signed before the member confirms');
    await page.click('#confirm-send');
    await waitFor(async () => /확정되었습니다/.test(await text('#status')), { timeoutMs: 60_000, what: 'the transfer to be final' });
    assert.equal(await nonceOf(dave.address), nonce + 1);
    assert.equal(await spendable(eve.address) - eveBefore, 1_500_000n);
    await waitFor(async () => (await text('#balance')) === `${planckToScn(await spendable(dave.address))} SCN`, { what: 'the new balance' });
    await screenshot(page, 'wallet-ko-sent');
  });

  /** A payment request of `//SeoulMerchant` made by scripts/scoin-qr.sh: its payload, and its QR image. */
  async function paymentQr(args) {
    const png = path.join(dist, `qr-${Date.now()}.png`);
    const { stdout } = await promisify(execFile)(path.join(repoRoot, 'scripts/scoin-qr.sh'),
      ['make', '--merchant', '//SeoulMerchant', '--png', png, ...args]);
    return { uri: stdout.split('\n')[0], png };
  }

  async function readText(payload) {
    await type('#scan-text', payload);
    await page.click('#scan-form button[type="submit"]');
  }

  test('a merchant\'s QR image is paid; forged and expired ones are refused before anything is signed', async () => {
    await sudo(api, api.tx.citizens.register(merchant.address, 'Merchant', ['Merchant'],
      blake2AsHex(`salt:${merchant.address}:papers checked`), { Sr25519: u8aToHex(merchant.publicKey) }), alice);
    await submit(api.tx.sCoin.registerMerchant('ZP-1100-0042', 5812), merchant);
    const nonce = await nonceOf(dave.address);

    const good = await paymentQr(['--amount', '12.5', '--order', 'TABLE-7-0042', '--ws', node.url]);
    const forged = good.uri.replace('amount=12500000', 'amount=125000000');
    await readText(forged);
    await page.waitForSelector('#payment:not([hidden])');
    assert.equal(await text('#payment-problem'), '가맹점의 서명이 맞지 않습니다. 위조되었거나 바뀐 QR이니 결제하지 마세요.');
    assert.equal(await page.$eval('#pay', (button) => button.disabled), true);
    await screenshot(page, 'wallet-ko-qr-forged');

    const expired = await paymentQr(['--amount', '1', '--order', 'OLD-1', '--genesis', api.genesisHash.toHex(), '--expiry', '1']);
    await readText(expired.uri);
    await waitFor(async () => (await text('#payment-order')) === 'OLD-1', { what: 'the expired request' });
    assert.equal(await text('#payment-problem'), '유효 기간이 지난 결제 요청입니다. 가맹점에 새 QR을 요청하세요.');
    assert.equal(await page.$eval('#pay', (button) => button.disabled), true);
    assert.equal(await nonceOf(dave.address), nonce, 'nothing signed');

    const merchantBefore = await spendable(merchant.address);
    await (await page.$('#scan-image')).uploadFile(good.png);
    await page.click('#scan-form button[type="submit"]');
    await waitFor(async () => (await text('#payment-order')) === 'TABLE-7-0042', { what: 'the QR image read' });
    assert.equal(await text('#payment-problem'), '');
    assert.equal(await text('#payment-amount'), '12.5 SCN');
    assert.equal(await text('#payment-merchant'), `ZP-1100-0042 (${merchant.address})`);
    await screenshot(page, 'wallet-ko-qr-payment');
    await page.click('#pay');
    await waitFor(async () => /결제가 확정되었습니다/.test(await text('#status')), { timeoutMs: 60_000, what: 'the payment to be final' });
    assert.equal(await text('#status'), `블록 #${(await text('#status')).match(/#(\d+)/)[1]}에서 결제가 확정되었습니다: ZP-1100-0042, 12.5 SCN, 주문 TABLE-7-0042.`);
    assert.equal(await spendable(merchant.address) - merchantBefore, 12_500_000n);
    await screenshot(page, 'wallet-ko-qr-paid');
  });

  test('a payment request shown to the camera is read and paid', async () => {
    const { uri } = await paymentQr(['--amount', '3', '--order', 'CAMERA-0001', '--ws', node.url]);
    const video = path.join(dist, 'qr.y4m');
    qrVideo(video, uri);
    const camera = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`]);
    try {
      const phone = await camera.newPage();
      await phone.goto(site.url);
      await phone.waitForSelector('body[data-ready]');
      await importAndUnlock(phone);
      await phone.click('#scan-camera');
      await phone.waitForSelector('#payment:not([hidden])', { timeout: 30_000 });
      assert.equal(await phone.$eval('#payment-order', (element) => element.textContent), 'CAMERA-0001');
      assert.equal(await phone.$eval('#payment-problem', (element) => element.textContent), '');
      assert.equal(await phone.$eval('#camera', (element) => element.hidden), true, 'the camera is off once read');
      const before = await spendable(merchant.address);
      await phone.click('#pay');
      await waitFor(async () => /결제가 확정되었습니다/.test(await phone.$eval('#status', (element) => element.textContent)),
        { timeoutMs: 60_000, what: 'the payment to be final' });
      assert.equal(await spendable(merchant.address) - before, 3_000_000n);
    } finally {
      await camera.close();
    }
  });

  test('a service\'s sign-in challenge is signed so that citizens_authenticate accepts it; another chain\'s is refused', async () => {
    const genesisHash = api.genesisHash.toHex();
    const expiresAt = (await chainTime(api)) + 5 * 60_000;
    const other = makeChallenge({ genesisHash: `0x${'ee'.repeat(32)}`, did: didOf(dave.address), audience: 'Mapo-gu library', expiresAt });
    await readText(other);
    await waitFor(async () => (await text('#error')) !== '', { what: 'the refusal' });
    assert.equal(await text('#error'), '다른 네트워크의 로그인 요청입니다. 서명하지 마세요.');
    assert.equal(await visible('#signin'), false);

    const challenge = makeChallenge({ genesisHash, did: didOf(dave.address), audience: 'Mapo-gu library', expiresAt });
    await readText(challenge);
    await page.waitForSelector('#signin:not([hidden])');
    assert.equal(await text('#signin-audience'), 'Mapo-gu library');
    await page.click('#signin-sign');
    await page.waitForSelector('#signin-result:not([hidden])');
    const signature = await text('#signin-signature');
    const verdict = await rpc(node.rpcPort, 'citizens_authenticate', [didOf(dave.address), challenge, signature]);
    assert.equal(verdict.authentic, true, JSON.stringify(verdict));
    await screenshot(page, 'wallet-ko-signin');

    // A service's link opens the wallet on the challenge, once the member unlocks a key.
    const linked = makeChallenge({ genesisHash, did: didOf(dave.address), audience: 'Seoul 120 call centre', expiresAt });
    const second = await browser.newPage();
    await second.goto(`${site.url}#signin=${encodeURIComponent(linked)}`);
    await second.waitForSelector('body[data-ready]');
    await second.select('#unlock-account', dave.address);
    await second.type('#unlock-password', PASSWORD);
    await second.click('#unlock-form button[type="submit"]');
    await second.waitForSelector('#signin:not([hidden])');
    assert.equal(await second.$eval('#signin-audience', (element) => element.textContent), 'Seoul 120 call centre');
    await second.close();
  });

  test('a catalogue item is redeemed and its voucher shown', async () => {
    await sudo(api, api.tx.sCoin.listCatalogueItem('Seoul Forest parking, one day', 2_000_000n, 5), alice);
    const item = (await api.query.sCoin.nextItemId()).toNumber() - 1;
    const button = `#catalogue button[data-item="${item}"]`;
    await page.waitForSelector(button, { timeout: 30_000 });
    assert.match(await text('#catalogue'), /Seoul Forest parking, one day: 2 SCN \(남은 수량 5\)/);
    const before = await spendable(dave.address);
    await page.click(button);
    await page.waitForSelector('#redeem:not([hidden])');
    assert.equal(await text('#redeem-text'), '2 SCN으로 Seoul Forest parking, one day을(를) 교환합니다. 교환한 S-coin은 소각됩니다.');
    await page.click('#redeem-confirm');
    await waitFor(async () => /교환권 번호/.test(await text('#status')), { timeoutMs: 60_000, what: 'the redemption to be final' });
    const voucher = Number((await text('#status')).match(/교환권 번호 (\d+)/)[1]);
    const record = (await api.query.sCoin.vouchers(voucher)).unwrap();
    assert.equal(record.holder.toString(), dave.address);
    assert.equal(record.item.toNumber(), item);
    assert.equal(before - await spendable(dave.address), 2_000_000n);
    assert.equal((await api.query.sCoin.catalogue(item)).unwrap().stock.toNumber(), 4);
    await screenshot(page, 'wallet-ko-redeemed');
  });

  test('a credential kept on the device shows the chain\'s verdict and is submitted to an employer', async () => {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    const [university, employer] = ['//SeoulNationalUniversity', '//SeoulEmployer'].map((uri) => keyring.addFromUri(uri));
    const organisation = (pair, kind) => api.tx.citizens.register(pair.address, kind, [kind],
      blake2AsHex(`salt:${pair.address}:papers checked`), { Sr25519: u8aToHex(pair.publicKey) });
    const degreeFile = path.join(CREDENTIALS, 'university-degree.json');
    const degree = readCredential(degreeFile);
    const schema = schemaHash(readJson(path.join(CREDENTIALS, 'degree.schema.json')));
    await sudo(api, api.tx.utility.batchAll([
      organisation(university, 'CredentialIssuer'),
      organisation(employer, 'Employer'),
      api.tx.credentials.registerSchema(schema, 'Bachelor degree'),
      api.tx.credentials.authoriseIssuer(schema, university.address),
    ]), alice);
    await submit(api.tx.credentials.attest(university.address, degree.hash, schema, dave.address, degree.validFrom, degree.validUntil), university);

    await (await page.$('#credential-file')).uploadFile(degreeFile);
    await page.click('#credential-add-form button[type="submit"]');
    const box = `#credential-${degree.hash}`;
    await page.waitForSelector(box);
    await waitFor(async () => /유효$/.test(await text('#credentials')), { what: 'the verdict' });
    assert.equal(await text('#credentials'), `BachelorDegreeCredential, 발급 ${university.address}: 유효`);

    // A copy with one word changed has another hash: the chain knows nothing of it.
    const altered = path.join(dist, 'altered-degree.json');
    writeFileSync(altered, readFileSync(degreeFile, 'utf8').replace('Bachelor of Science', 'Master of Science'));
    await (await page.$('#credential-file')).uploadFile(altered);
    await page.click('#credential-add-form button[type="submit"]');
    await waitFor(async () => /체인에 기록 없음/.test(await text('#credentials')), { what: 'the altered copy' });

    await page.click(box);
    await type('#credential-verifier', employer.address);
    await type('#credential-purpose', 'job application 2026-11');
    await page.click('#credential-submit-form button[type="submit"]');
    await waitFor(async () => /제출이 확정되었습니다/.test(await text('#status')), { timeoutMs: 60_000, what: 'the submission to be final' });
    const { submissions } = await rpc(node.rpcPort, 'credentials_submissions', [dave.address]);
    assert.deepEqual(submissions.map(({ verifier, credentials, purposeHash }) => ({ verifier, credentials, purposeHash })), [{
      verifier: employer.address, credentials: [degree.hash], purposeHash: blake2AsHex('job application 2026-11'),
    }]);
    await screenshot(page, 'wallet-ko-credentials');
  });

  test('the member\'s donations are listed with what was passed on, held and refunded', async () => {
    assert.equal(await text('#donations-empty'), '기부 내역이 없습니다.');
    const charity = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri('//SeoulWinterShelter');
    await sudo(api, api.tx.citizens.register(charity.address, 'Charity', ['Charity'],
      blake2AsHex(`salt:${charity.address}:papers checked`), { Sr25519: u8aToHex(charity.publicKey) }), alice);
    await submit(api.tx.donations.registerCharity('1248100998', 'General'), charity);
    const deadline = (await api.query.timestamp.now()).toNumber() + 3_600_000;
    const { events } = await submit(api.tx.donations.openCampaign(20_000_000n, deadline, 'KeepWhatIsRaised',
      { Agency: bob.address }, blake2AsHex('campaign: winter shelter'), [[20_000_000n, blake2AsHex('milestone 0')]]), charity);
    const campaign = events.find((event) => api.events.donations.CampaignOpened.is(event)).data.campaign.toNumber();
    await submit(api.tx.donations.donate(campaign, 3_000_000n), dave);
    await waitFor(async () => (await text('#donations')) !== '', { timeoutMs: 60_000, what: 'the donation in the wallet' });
    assert.match(await text('#donations'), new RegExp(`^캠페인 #${campaign}, .+: 3 SCN \\(기부함\\) · 전달됨 0 SCN · 보관 중 3 SCN · 환불됨 0 SCN$`));
    const { donations } = await rpc(node.rpcPort, 'donations_ofDonor', [dave.address]);
    assert.equal(donations[0].held, '3000000');
    assert.equal(await visible('#donations-empty'), false);
  });

  test('a work contract proposed to the member is signed in the wallet, and its pay statement shown', async () => {
    assert.equal(await text('#contracts-empty'), '근로 계약이 없습니다.');
    // The dev chain's employer (an organisation holding the employer role at genesis).
    const employer = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX }).addFromUri('//Two');
    const now = (await api.query.timestamp.now()).toNumber();
    const [start, last] = [7, 1].map((days) => koreanDate(now, days));
    const { events } = await submit(api.tx.labor.proposeContract(dave.address, start, null, contractTerms(10_320)), employer);
    const contract = events.find((event) => api.events.labor.ContractProposed.is(event)).data.contract.toNumber();
    const button = `#contracts button[data-contract="${contract}"]`;
    await page.waitForSelector(button, { timeout: 60_000 });
    assert.equal(await text('#contracts'), `계약 #${contract}: 고용주 ${employer.address}, ${iso(start)}부터, 시급 10,320원 (서명 대기) 계약 #${contract}에 서명하기`);
    await page.click(button);
    await waitFor(async () => /서명이 확정되었습니다/.test(await text('#status')) || (await text('#error')) !== '',
      { timeoutMs: 60_000, what: 'the signature to be final' });
    assert.equal(await text('#error'), '');
    assert.equal((await rpc(node.rpcPort, 'labor_contract', [contract])).standing, 'inForce');

    const computed = await rpc(node.rpcPort, 'labor_pay', [contract, iso(start), iso(last)]);
    await submit(api.tx.labor.issuePayStatement(contract, start, last, { gross: 70_000, deductions: 0, net: 70_000 },
      blake2AsHex('pay slip, the employer\'s copy')), employer);
    const shortfall = Math.max(0, computed.gross - 70_000);
    const won = (amount) => amount.toLocaleString('ko-KR');
    await waitFor(async () => (await text('#contracts')).includes('임금'), { timeoutMs: 60_000, what: 'the pay statement' });
    assert.equal(await text('#contracts'), `계약 #${contract}: 고용주 ${employer.address}, ${iso(start)}부터, 시급 10,320원 (근무 중)`
      + `${iso(start)}~${iso(last)} 임금: 지급 70,000원 (실수령 70,000원), 법정 계산 ${won(computed.gross)}원, 부족 ${won(shortfall)}원 (발행됨)`);
    await screenshot(page, 'wallet-ko-contracts');
  });

  test('in English too, and neither language has a serious accessibility fault', async () => {
    assert.deepEqual(await seriousViolations(page), []);
    await page.click('#language');
    assert.equal(await page.$eval('html', (html) => html.lang), 'en');
    assert.equal(await text('h1'), 'Seoul citizen wallet');
    await waitFor(async () => (await text('#member-status')) === 'Active', { what: 'the card in English' });
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'wallet-en-member');
  });
});

/** The dev chain's raw chain spec with `bootNodes`, as a light client needs it. */
async function devChainSpec(bootNodes) {
  const { stdout } = await promisify(execFile)(NODE_BIN, ['export-chain-spec', '--chain', 'dev', '--raw'], { maxBuffer: 64 * 2 ** 20 });
  return JSON.stringify({ ...JSON.parse(stdout), bootNodes });
}

describe('the citizen wallet, through a light client', () => {
  const [bootnode] = LOCAL_VALIDATORS;
  let node;
  let api;
  let dist;
  let browser;
  const sites = [];

  before(async () => {
    // On a dev chain the node list is enforced only where the offchain worker runs: without it
    // the light client, whose PeerId is new each time, may connect.
    [node, dist] = await Promise.all([
      startNode(['--dev', '--offchain-worker', 'never', '--node-key', bootnode.nodeKey], { name: 'wallet-light-chain', webSocketP2p: true }),
      buildWallet(),
    ]);
    api = await connect(node);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await Promise.all(sites.map((site) => site.close()));
    await api?.disconnect();
    await node?.stop();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** A fresh page (its own storage) of the wallet served with `config` and `chainSpec`. */
  async function walletPage(config, chainSpec) {
    const site = await serveStatic(dist, { '/config.json': JSON.stringify(config), '/chain-spec.json': chainSpec });
    sites.push(site);
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 480, height: 900 });
    await page.goto(site.url);
    await page.waitForSelector('body[data-ready]');
    return page;
  }
  const textOf = (page, selector) => page.$eval(selector, (element) => element.textContent.trim());

  test('the wallet follows the chain through smoldot: the card is the chain\'s and a transfer is final', async () => {
    const chainSpec = await devChainSpec([`/ip4/127.0.0.1/tcp/${node.p2pPort}/ws/p2p/${bootnode.peerId}`]);
    const page = await walletPage({ rpc: node.url, chainSpec: './chain-spec.json', lightClientTimeoutMs: 120_000 }, chainSpec);
    await waitFor(async () => /경량 클라이언트\) · 확정 블록 #\d+/.test(await textOf(page, '#connection')),
      { timeoutMs: 150_000, intervalMs: 1_000, what: 'the light client to follow the chain' });
    await importAndUnlock(page);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
    const [dave, eve] = ['//Dave', '//Eve'].map((uri) => keyring.addFromUri(uri).address);
    await waitFor(async () => (await textOf(page, '#member-did')) === `did:seoul:${dave}`, { timeoutMs: 60_000, what: 'the card' });
    assert.equal(await textOf(page, '#member-status'), '사용 중');
    await screenshot(page, 'wallet-light-member');

    const nonce = (await api.rpc.system.accountNextIndex(dave)).toNumber();
    await page.type('#transfer-to', eve);
    await page.type('#transfer-amount', '2');
    await page.click('#transfer-form button[type="submit"]');
    await page.waitForSelector('#confirm:not([hidden])');
    await page.click('#confirm-send');
    await waitFor(async () => /확정되었습니다/.test(await textOf(page, '#status')), { timeoutMs: 120_000, what: 'the transfer to be final' });
    assert.equal((await api.rpc.system.accountNextIndex(dave)).toNumber(), nonce + 1);
    await page.browserContext().close();
  });

  test('with no peer to reach, the wallet falls back to the node\'s RPC and says so', async () => {
    const closed = `/ip4/127.0.0.1/tcp/9/ws/p2p/${bootnode.peerId}`;
    const page = await walletPage({ rpc: node.url, chainSpec: './chain-spec.json', lightClientTimeoutMs: 5_000 }, await devChainSpec([closed]));
    await waitFor(async () => /\(RPC\) · 확정 블록 #\d+/.test(await textOf(page, '#connection')), { timeoutMs: 60_000, what: 'the fallback' });
    assert.equal(await textOf(page, '#status'), '경량 클라이언트로 연결하지 못해 노드의 RPC로 연결했습니다. 이제 그 노드가 보여 주는 내용을 믿게 됩니다.');
    await page.browserContext().close();
  });
});

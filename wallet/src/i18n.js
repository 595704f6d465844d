// Korean (the default) and English text of the wallet. Every message a person may see is here,
// each saying what happened and what to do.

const TEXT = {
  ko: {
    title: '서울 시민 지갑',
    language: 'English',
    node: '노드 주소',
    connect: '연결',
    connecting: '연결 중…',
    connected: '{name}에 연결됨 ({mode}) · 확정 블록 #{block}',
    modeRpc: 'RPC',
    accounts: '내 계정',
    account: '계정',
    password: '비밀번호',
    passwordRepeat: '비밀번호 확인',
    unlock: '잠금 해제',
    lock: '잠그기',
    exportKey: '백업 파일 내보내기',
    forget: '이 기기에서 삭제',
    createTitle: '새 계정 만들기',
    createHint: '아래 12개 단어는 계정을 되찾는 유일한 방법입니다. 종이에 적어 안전한 곳에 보관하세요.',
    writtenDown: '복구 단어를 적어 두었습니다',
    name: '이름',
    create: '만들기',
    importTitle: '계정 가져오기',
    secret: '복구 단어 (12개 또는 24개)',
    importSecret: '복구 단어로 가져오기',
    jsonFile: '백업 파일 (JSON)',
    importJson: '백업 파일로 가져오기',
    member: '시민카드',
    did: 'DID',
    kind: '구분',
    status: '상태',
    quota: '이번 기간 남은 무료 이용',
    quotaValue: '{remaining} / {allowance} 단위 (블록 #{resetsAt}에 초기화)',
    notMember: '이 계정은 시민카드에 등록되어 있지 않아 거래할 수 없습니다. 주민센터에서 등록하세요.',
    balance: '잔액',
    transfer: '보내기',
    to: '받는 계정',
    amount: '금액 (SCN)',
    review: '확인',
    confirmTransfer: '{to}에게 {amount} SCN을 보냅니다. 수수료는 없습니다.',
    send: '보내기',
    cancel: '취소',
    statusSigned: '서명했습니다…',
    statusBroadcasted: '네트워크에 보냈습니다…',
    statusInBlock: '블록 #{block}에 담겼습니다. 확정을 기다립니다…',
    sent: '블록 #{block}에서 확정되었습니다.',
    'kind.citizen': '시민',
    'status.active': '사용 중',
    'status.suspended': '정지됨',
    'status.revoked': '취소됨',
    'error.badUrl': '노드 주소는 ws:// 또는 wss://로 시작해야 합니다.',
    'error.cannotConnect': '노드에 연결할 수 없습니다. 주소를 확인하고 다시 시도하세요.',
    'error.passwordTooShort': '비밀번호는 8자 이상이어야 합니다.',
    'error.passwordMismatch': '두 비밀번호가 다릅니다.',
    'error.badSecret': '복구 단어가 올바르지 않습니다. 단어와 순서를 확인하세요.',
    'error.badJson': '이 파일은 지갑 백업 파일이 아닙니다.',
    'error.wrongPassword': '비밀번호가 맞지 않습니다.',
    'error.unknownAccount': '이 기기에 없는 계정입니다.',
    'error.notWrittenDown': '복구 단어를 적어 두었는지 확인해 주세요.',
    'error.badAddress': '받는 계정 주소가 서울 체인 주소가 아닙니다.',
    'error.badAmount': '금액은 0보다 큰 숫자로, 소수점 아래 6자리까지 입력하세요.',
    'error.refused': '거래가 거절되었습니다 ({detail}). 무료 이용 한도나 회원 상태를 확인하세요.',
    'error.callFailed': '거래가 실패했습니다 ({detail}). 잔액을 확인하세요.',
    'error.failed': '문제가 생겼습니다: {detail}',
  },
  en: {
    title: 'Seoul citizen wallet',
    language: '한국어',
    node: 'Node address',
    connect: 'Connect',
    connecting: 'Connecting…',
    connected: 'Connected to {name} ({mode}) · finalised block #{block}',
    modeRpc: 'RPC',
    accounts: 'My accounts',
    account: 'Account',
    password: 'Password',
    passwordRepeat: 'Repeat the password',
    unlock: 'Unlock',
    lock: 'Lock',
    exportKey: 'Export a backup file',
    forget: 'Remove from this device',
    createTitle: 'Create an account',
    createHint: 'These twelve words are the only way to recover the account. Write them on paper and keep them somewhere safe.',
    writtenDown: 'I have written the recovery words down',
    name: 'Name',
    create: 'Create',
    importTitle: 'Import an account',
    secret: 'Recovery words (12 or 24)',
    importSecret: 'Import from recovery words',
    jsonFile: 'Backup file (JSON)',
    importJson: 'Import a backup file',
    member: 'Citizens Card',
    did: 'DID',
    kind: 'Kind',
    status: 'Status',
    quota: 'Free use left this period',
    quotaValue: '{remaining} of {allowance} units (resets at block #{resetsAt})',
    notMember: 'This account is not registered on the Citizens Card and cannot transact. Register at a community service centre.',
    balance: 'Balance',
    transfer: 'Send',
    to: 'To account',
    amount: 'Amount (SCN)',
    review: 'Review',
    confirmTransfer: 'Send {amount} SCN to {to}. There is no fee.',
    send: 'Send',
    cancel: 'Cancel',
    statusSigned: 'Signed…',
    statusBroadcasted: 'Sent to the network…',
    statusInBlock: 'In block #{block}; waiting for it to be final…',
    sent: 'Final in block #{block}.',
    'kind.citizen': 'Citizen',
    'status.active': 'Active',
    'status.suspended': 'Suspended',
    'status.revoked': 'Revoked',
    'error.badUrl': 'A node address starts with ws:// or wss://.',
    'error.cannotConnect': 'The node cannot be reached. Check the address and try again.',
    'error.passwordTooShort': 'A password has at least 8 characters.',
    'error.passwordMismatch': 'The two passwords differ.',
    'error.badSecret': 'These recovery words are not valid. Check the words and their order.',
    'error.badJson': 'This file is not a wallet backup file.',
    'error.wrongPassword': 'Wrong password.',
    'error.unknownAccount': 'This account is not on this device.',
    'error.notWrittenDown': 'Please confirm that you have written the recovery words down.',
    'error.badAddress': 'The address is not a Seoul chain address.',
    'error.badAmount': 'Enter an amount above 0 with at most 6 decimals.',
    'error.refused': 'The transaction was refused ({detail}). Check your free-use quota and membership.',
    'error.callFailed': 'The transaction failed ({detail}). Check your balance.',
    'error.failed': 'Something went wrong: {detail}',
  },
};

const LANGUAGE_KEY = 'seoul-wallet/language';
let language = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'ko';

/** The text of `key` in the current language, `{name}` filled from `params`. */
export function t(key, params = {}) {
  const text = TEXT[language][key] ?? TEXT.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** The current language: `ko` or `en`. */
export const currentLanguage = () => language;

/** Switches the language and fills every `data-i18n` element and the page's `lang`. */
export function setLanguage(next) {
  language = next;
  localStorage.setItem(LANGUAGE_KEY, next);
  applyLanguage();
}

/**
 * Fills every element with `data-i18n="key"`; the language switch names the other language in
 * that language (and says so with its `lang`, for screen readers).
 */
export function applyLanguage() {
  document.documentElement.lang = language;
  document.title = t('title');
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  document.getElementById('language').lang = language === 'ko' ? 'en' : 'ko';
}

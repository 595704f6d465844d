// The indexer's mapping: SubQuery calls `handleEvent` for every event of the pallets the manifest
// lists, in the order of the chain, block by finalised block. It runs in SubQuery's sandbox
// (CommonJS, no imports) with the globals `store`, `logger` and `api` (the chain's state at the
// block being indexed), and decodes events from the
// chain's own metadata: no generated types, so a runtime upgrade needs no new build here.
'use strict';

/** Korea's offset from UTC; the city's days, and so its daily totals, are Korean days. */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Where an event was emitted: its row id, block and Korean day. */
function place(event) {
  const blockHeight = event.block.block.header.number.toNumber();
  const { timestamp } = event.block;
  return {
    id: `${blockHeight}-${event.idx}`,
    blockHeight,
    timestamp,
    day: new Date(timestamp.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10),
  };
}

/** The event's fields by name (camel case, as the explorer shows them). */
function fieldsOf(event) {
  const { data } = event.event;
  const names = data.names ?? [];
  return Object.fromEntries(data.map((value, index) => [names[index] ?? String(index), value]));
}

/** A field as JSON can hold it: accounts as SS58, hashes as hex, large numbers as decimal strings. */
function plain(value) {
  return value.toPrimitive();
}

/** An enum variant as the RPC shows it: lower camel case (`TaxPayment` → `taxPayment`). */
function variant(value) {
  const name = value.type;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * The register's record of `account` as a `Member` row, or none if it has none: read through the
 * runtime API a wallet reads (`CitizensApi.member`), at the block being indexed.
 */
async function writeMember(account) {
  const record = await api.call.citizensApi.member(`did:seoul:${account}`);
  if (record.isNone) return;
  const member = record.unwrap();
  await store.set('Member', account.toString(), {
    id: account.toString(),
    did: member.did.toUtf8(),
    kind: variant(member.kind),
    roles: member.roles.map(variant).join(','),
    status: variant(member.status),
    registeredAt: member.registeredAt.toNumber(),
    updatedAt: member.updatedAt.toNumber(),
  });
}

/** A date of the labour pallet (`{ year, month, day }`) as `YYYY-MM-DD`. */
function isoDate(date) {
  const pad = (value) => String(value.toNumber()).padStart(2, '0');
  return `${date.year.toNumber()}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * A read of a patient's records, from `consents.AccessLogged` (under the consent it names) or
 * `consents.EmergencyAccessLogged` (which names none).
 */
async function writeRecordAccess({ patient, access, provider, consent, recordHash }, at) {
  const id = `${patient}/${access}`;
  await store.set('RecordAccess', id, {
    id, patient: patient.toString(), provider: provider.toString(), consent: consent?.toNumber(), emergency: !consent,
    recordHash: recordHash.toHex(), blockHeight: at.blockHeight, day: at.day,
  });
}

/** A row of `entity` changed by `change`, if the row exists (it may predate the indexed blocks). */
async function update(entity, id, change) {
  const row = await store.get(entity, String(id));
  if (row) await store.set(entity, row.id, { ...row, ...change(row) });
}

/** The typed tables' writers, by `<pallet>.<event>`. */
const WRITERS = {
  'sCoin.ProgrammeCreated': async ({ programme, agency, category, budget }, at) => {
    await store.set('Programme', programme.toString(), {
      id: programme.toString(),
      agency: agency.toString(),
      category: variant(category),
      budget: budget.toBigInt(),
      status: 'active',
      createdAt: at.blockHeight,
    });
  },
  'sCoin.ProgrammeToppedUp': ({ programme, budget }) => update('Programme', programme, () => ({ budget: budget.toBigInt() })),
  'sCoin.ProgrammePaused': ({ programme }) => update('Programme', programme, () => ({ status: 'paused' })),
  'sCoin.ProgrammeResumed': ({ programme }) => update('Programme', programme, () => ({ status: 'active' })),
  'sCoin.ProgrammeClosed': ({ programme, released }) => update('Programme', programme,
    () => ({ status: 'closed', released: released.toBigInt() })),
  'sCoin.Rewarded': async ({ programme, citizen, receipt, amount }, at) => {
    await store.set('Reward', at.id, {
      ...at,
      programme: programme.toNumber(),
      citizen: citizen.toString(),
      amount: amount.toBigInt(),
      receipt: receipt.toHex(),
    });
  },
  'sCoin.DistributionScheduled': async ({ distribution, programme, amount }, at) => {
    await store.set('Distribution', distribution.toString(), {
      id: distribution.toString(),
      programme: programme.toNumber(),
      amount: amount.toBigInt(),
      status: 'paying',
      paid: 0,
      total: 0n,
      scheduledAt: at.blockHeight,
    });
  },
  'sCoin.Distributed': async ({ distribution, citizen, amount }, at) => {
    const scheduled = await store.get('Distribution', distribution.toString());
    if (!scheduled) throw new Error(`distribution ${distribution} paid before it was scheduled`);
    await store.set('Reward', at.id, {
      ...at,
      programme: scheduled.programme,
      citizen: citizen.toString(),
      amount: amount.toBigInt(),
      distribution: distribution.toNumber(),
    });
  },
  'sCoin.DistributionCompleted': ({ distribution, paid, total }) => update('Distribution', distribution,
    () => ({ status: 'completed', paid: paid.toNumber(), total: total.toBigInt() })),
  'sCoin.DistributionStopped': ({ distribution, reason, paid, total }) => update('Distribution', distribution,
    () => ({ status: 'stopped', reason: variant(reason), paid: paid.toNumber(), total: total.toBigInt() })),
  'sCoin.Paid': async ({ merchant, payer, amount, orderReference, nonce }, at) => {
    await store.set('Payment', at.id, {
      ...at,
      merchant: merchant.toString(),
      payer: payer.toString(),
      amount: amount.toBigInt(),
      orderReference: String(orderReference.toPrimitive()),
      nonce: nonce.toBigInt(),
    });
  },
  'sCoin.Redeemed': async ({ item, citizen, price, voucher }, at) => {
    await store.set('Redemption', at.id, {
      ...at,
      item: item.toNumber(),
      citizen: citizen.toString(),
      price: price.toBigInt(),
      voucher: voucher.toBigInt(),
    });
  },
  'sCoin.SettlementRequested': async ({ settlement, merchant, amount }, at) => {
    await store.set('Settlement', settlement.toString(), {
      id: settlement.toString(),
      merchant: merchant.toString(),
      amount: amount.toBigInt(),
      status: 'pending',
      requestedAt: at.blockHeight,
      timestamp: at.timestamp,
      day: at.day,
    });
  },
  'sCoin.SettlementConfirmed': async ({ settlement, bankReferenceHash, agent }, at) => {
    const row = await store.get('Settlement', settlement.toString());
    if (!row) throw new Error(`settlement ${settlement} confirmed before it was requested`);
    await store.set('Settlement', row.id, {
      ...row,
      status: 'settled',
      confirmedAt: at.blockHeight,
      confirmedDay: at.day,
      bankReferenceHash: bankReferenceHash.toHex(),
      agent: agent.toString(),
    });
  },
  'balances.DustLost': async ({ account, amount }, at) => {
    await store.set('Burn', at.id, {
      ...at, kind: 'dust', account: account.toString(), amount: amount.toBigInt(),
    });
  },
  // The fee and tip a transaction paid, the tip included in `actualFee`; the runtime burns both
  // through the S-coin ledger (`burnedOtherwise`). Fee-free transactions pay 0 and write no row.
  'transactionPayment.TransactionFeePaid': async ({ who, actualFee }, at) => {
    if (actualFee.isZero()) return;
    await store.set('Burn', at.id, {
      ...at, kind: 'fee', account: who.toString(), amount: actualFee.toBigInt(),
    });
  },
  // Every change of the register names a member: its row is read again from the chain's state.
  ...Object.fromEntries(['MemberRegistered', 'RolesSet', 'MemberSuspended', 'MemberReinstated', 'MemberRevoked',
    'AuthenticationKeyAdded', 'AuthenticationKeyRemoved', 'AuthenticationKeysRotated', 'KeyRotationScheduled',
    'KeyRotationCancelled', 'ServiceAdded', 'ServiceRemoved']
    .map((name) => [`citizens.${name}`, ({ member }) => writeMember(member)])),
  'credentials.SchemaRegistered': async ({ schema, name }, at) => {
    await store.set('CredentialSchema', schema.toHex(), {
      id: schema.toHex(), name: name.toUtf8(), deprecated: false, registeredAt: at.blockHeight,
    });
  },
  'credentials.SchemaDeprecated': ({ schema }) => update('CredentialSchema', schema.toHex(), () => ({ deprecated: true })),
  'credentials.Attested': async ({ credential, issuer, attester, subject, schema }, at) => {
    await store.set('Credential', credential.toHex(), {
      id: credential.toHex(),
      schema: schema.toHex(),
      issuer: issuer.toString(),
      attester: attester.toString(),
      subject: subject.toString(),
      status: 'active',
      attestedAt: at.blockHeight,
      day: at.day,
      changedAt: at.blockHeight,
    });
  },
  ...Object.fromEntries([['Suspended', 'suspended'], ['Reinstated', 'active'], ['Revoked', 'revoked']]
    .map(([name, status]) => [`credentials.${name}`, ({ credential }, at) => update('Credential', credential.toHex(),
      () => ({ status, changedAt: at.blockHeight }))])),
  'credentials.Submitted': async ({ holder, submission, verifier, purposeHash }, at) => {
    const id = `${holder}/${submission}`;
    await store.set('Submission', id, {
      id,
      holder: holder.toString(),
      verifier: verifier.toString(),
      purposeHash: purposeHash.toHex(),
      status: 'submitted',
      submittedAt: at.blockHeight,
      day: at.day,
    });
  },
  'credentials.Acknowledged': ({ holder, submission }) => update('Submission', `${holder}/${submission}`, () => ({ status: 'acknowledged' })),
  'credentials.SubmissionRemoved': ({ holder, submission }) => update('Submission', `${holder}/${submission}`, () => ({ status: 'removed' })),
  'donations.CampaignOpened': async ({ campaign, charity, goal, deadline, mode }, at) => {
    await store.set('Campaign', campaign.toString(), {
      id: campaign.toString(),
      charity: charity.toString(),
      goal: goal.toBigInt(),
      deadline: deadline.toBigInt(),
      mode: variant(mode),
      status: 'fundraising',
      released: 0n,
      openedAt: at.blockHeight,
    });
  },
  'donations.CampaignFunded': ({ campaign, raised }) => update('Campaign', campaign, () => ({ status: 'funded', raised: raised.toBigInt() })),
  'donations.RefundsStarted': ({ campaign }) => update('Campaign', campaign, () => ({ status: 'refunding' })),
  'donations.RefundsCompleted': ({ campaign }) => update('Campaign', campaign, () => ({ status: 'refunded' })),
  'donations.MilestoneReleased': ({ campaign, amount }) => update('Campaign', campaign,
    (row) => ({ released: BigInt(row.released) + amount.toBigInt() })),
  'donations.Donated': async ({ campaign, donation, donor, amount }, at) => {
    await store.set('Donation', donation.toString(), {
      id: donation.toString(),
      campaign: campaign.toNumber(),
      donor: donor.toString(),
      amount: amount.toBigInt(),
      kind: 'scoin',
      state: 'given',
      refunded: 0n,
      blockHeight: at.blockHeight,
      day: at.day,
    });
  },
  'donations.WonDonationRecorded': async ({ campaign, donation, donor, amount, bankReferenceHash }, at) => {
    await store.set('Donation', donation.toString(), {
      id: donation.toString(),
      campaign: campaign.toNumber(),
      donor: donor.toString(),
      amount: amount.toBigInt(),
      kind: 'won',
      state: 'unconfirmed',
      refunded: 0n,
      bankReferenceHash: bankReferenceHash.toHex(),
      blockHeight: at.blockHeight,
      day: at.day,
    });
  },
  'donations.DonationWithdrawn': ({ donation }) => update('Donation', donation, () => ({ state: 'withdrawn' })),
  'donations.WonDonationConfirmed': ({ donation }) => update('Donation', donation, () => ({ state: 'given' })),
  'donations.WonDonationRetracted': ({ donation }) => update('Donation', donation, () => ({ state: 'retracted' })),
  'donations.Refunded': ({ donation, amount }) => update('Donation', donation,
    (row) => ({ refunded: BigInt(row.refunded) + amount.toBigInt() })),
  'labor.ContractProposed': async ({ contract, employer, worker, document }, at) => {
    await store.set('Contract', contract.toString(), {
      id: contract.toString(),
      employer: employer.toString(),
      worker: worker.toString(),
      status: 'proposed',
      document: document.toHex(),
      proposedAt: at.blockHeight,
    });
  },
  'labor.ProposalWithdrawn': ({ contract }) => update('Contract', contract, () => ({ status: 'withdrawn' })),
  'labor.ContractDeclined': ({ contract }) => update('Contract', contract, () => ({ status: 'declined' })),
  'labor.ContractSigned': ({ contract, weeklyMinutes }, at) => update('Contract', contract,
    () => ({ status: 'signed', weeklyMinutes: weeklyMinutes.toNumber(), signedAt: at.blockHeight })),
  'labor.ContractAmended': ({ contract, document, weeklyMinutes }) => update('Contract', contract,
    () => ({ document: document.toHex(), weeklyMinutes: weeklyMinutes.toNumber() })),
  'labor.ContractEnded': ({ contract, lastDay }) => update('Contract', contract, () => ({ status: 'ended', lastDay: isoDate(lastDay) })),
  'labor.PayStatementIssued': async ({ contract, from, to, gross, shortfall }, at) => {
    const id = `${contract}/${isoDate(from)}`;
    await store.set('PayStatement', id, {
      id,
      contract: contract.toNumber(),
      from: isoDate(from),
      to: isoDate(to),
      gross: gross.toBigInt(),
      shortfall: shortfall.toBigInt(),
      status: 'issued',
      issuedAt: at.blockHeight,
      day: at.day,
    });
  },
  'labor.PayStatementAcknowledged': ({ contract, from }) => update('PayStatement', `${contract}/${isoDate(from)}`, () => ({ status: 'acknowledged' })),
  'labor.PayStatementDisputed': ({ contract, from }) => update('PayStatement', `${contract}/${isoDate(from)}`, () => ({ status: 'disputed' })),
  'consents.ConsentGranted': async ({ patient, consent, grantee, custodian, category, purposeHash, expiresAt }, at) => {
    const id = `${patient}/${consent}`;
    await store.set('Consent', id, {
      id,
      patient: patient.toString(),
      grantee: grantee.toString(),
      custodian: custodian.toString(),
      category: variant(category),
      purposeHash: purposeHash.toHex(),
      expiresAt: expiresAt.toBigInt(),
      status: 'granted',
      grantedAt: at.blockHeight,
    });
  },
  'consents.ConsentRevoked': ({ patient, consent }) => update('Consent', `${patient}/${consent}`, () => ({ status: 'revoked' })),
  'consents.AccessLogged': writeRecordAccess,
  'consents.EmergencyAccessLogged': writeRecordAccess,
};

/** The manifest's one handler: the event into `ChainEvent`, then into its typed table if it has one. */
async function handleEvent(event) {
  const at = place(event);
  const { section, method } = event.event;
  const fields = fieldsOf(event);
  const { extrinsic } = event;
  await store.set('ChainEvent', at.id, {
    ...at,
    blockHash: event.block.block.header.hash.toHex(),
    extrinsicIndex: extrinsic ? extrinsic.idx : undefined,
    signer: extrinsic && extrinsic.extrinsic.isSigned ? extrinsic.extrinsic.signer.toString() : undefined,
    pallet: section,
    name: method,
    args: JSON.stringify(Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, plain(value)]))),
  });
  const write = WRITERS[`${section}.${method}`];
  if (write) await write(fields, at);
}

/**
 * The register as the genesis block made it, read at block 1 (members registered at genesis
 * have no event).
 */
async function handleGenesisMembers() {
  for (const key of await api.query.citizens.members.keys()) await writeMember(key.args[0]);
}

module.exports = { handleEvent, handleGenesisMembers };

// The indexer's mapping: SubQuery calls `handleEvent` for every event of the pallets the manifest
// lists, in the order of the chain, block by finalised block. It runs in SubQuery's sandbox
// (CommonJS, no imports) with the globals `store` and `logger`, and decodes events from the
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

const setProgrammeStatus = (status) => async ({ programme }) => {
  const row = await store.get('Programme', programme.toString());
  if (row) await store.set('Programme', row.id, { ...row, status });
};

/** The typed tables' writers, by `<pallet>.<event>`. */
const WRITERS = {
  'sCoin.ProgrammeCreated': async ({ programme, agency, category, budget }, at) => {
    await store.set('Programme', programme.toString(), {
      id: programme.toString(),
      agency: agency.toString(),
      category: category.toString(),
      budget: budget.toBigInt(),
      status: 'active',
      createdAt: at.blockHeight,
    });
  },
  'sCoin.ProgrammeToppedUp': async ({ programme, budget }) => {
    const row = await store.get('Programme', programme.toString());
    if (row) await store.set('Programme', row.id, { ...row, budget: budget.toBigInt() });
  },
  'sCoin.ProgrammePaused': setProgrammeStatus('paused'),
  'sCoin.ProgrammeResumed': setProgrammeStatus('active'),
  'sCoin.ProgrammeClosed': async ({ programme, released }) => {
    const row = await store.get('Programme', programme.toString());
    if (row) await store.set('Programme', row.id, { ...row, status: 'closed', released: released.toBigInt() });
  },
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
  'sCoin.DistributionCompleted': async ({ distribution, paid, total }) => {
    const row = await store.get('Distribution', distribution.toString());
    if (row) {
      await store.set('Distribution', row.id, {
        ...row, status: 'completed', paid: paid.toNumber(), total: total.toBigInt(),
      });
    }
  },
  'sCoin.DistributionStopped': async ({ distribution, reason, paid, total }) => {
    const row = await store.get('Distribution', distribution.toString());
    if (row) {
      const name = reason.type;
      await store.set('Distribution', row.id, {
        ...row,
        status: 'stopped',
        reason: name.charAt(0).toLowerCase() + name.slice(1),
        paid: paid.toNumber(),
        total: total.toBigInt(),
      });
    }
  },
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

module.exports = { handleEvent };

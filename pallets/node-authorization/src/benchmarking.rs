//! Benchmarks of the node list's calls, each in its worst case: PeerIds at their longest, the
//! list one short of full, connection sets full, a claimer's connections to drop.

use super::*;
use crate::Pallet as NodeAuthorization;
use alloc::{vec, vec::Vec};
use frame_benchmarking::{account, v2::*, BenchmarkError};
use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
use frame_system::RawOrigin;

/// The longest PeerId, made of `n` and `salt`.
fn longest_peer<T: Config>(n: u32, salt: u8) -> Vec<u8> {
	let mut bytes = vec![salt; T::MaxPeerIdLength::get() as usize];
	bytes[..4].copy_from_slice(&n.to_le_bytes());
	bytes
}

/// A validator operator named `name`.
fn operator<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::Registry::register_for_benchmarks(&who, MemberKind::ValidatorOperator, &[]);
	who
}

/// Replaces the list by `count` nodes with full connection sets, owned by `owner`.
fn fill_list<T: Config>(count: u32, owner: &T::AccountId) {
	let nodes = (0..count)
		.map(|n| {
			(
				NodeAuthorization::<T>::peer_id(longest_peer::<T>(n, 1)).expect("bound"),
				owner.clone(),
			)
		})
		.collect();
	NodeAuthorization::<T>::do_reset(nodes).expect("within the bound");
	for node in WellKnownNodes::<T>::get() {
		fill_connections::<T>(&node);
	}
}

/// Fills the connections of `node`.
fn fill_connections<T: Config>(node: &PeerIdOf<T>) {
	let connections = (0..T::MaxConnections::get())
		.map(|n| NodeAuthorization::<T>::peer_id(longest_peer::<T>(n, 2)).expect("bound"))
		.collect::<alloc::collections::BTreeSet<_>>();
	AdditionalConnections::<T>::insert(
		node,
		ConnectionsOf::<T>::try_from(connections).expect("bound"),
	);
}

/// A node claimed by an operator, with full connections, as the city is about to list it.
fn claimed_with_connections<T: Config>(salt: u8) -> Result<Vec<u8>, BenchmarkError> {
	let claimer = operator::<T>("claimer");
	let node = longest_peer::<T>(u32::MAX, salt);
	NodeAuthorization::<T>::claim_node(RawOrigin::Signed(claimer).into(), node.clone())
		.map_err(|_| BenchmarkError::Stop("an operator claims a node"))?;
	fill_connections::<T>(&NodeAuthorization::<T>::peer_id(node.clone()).expect("bound"));
	Ok(node)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_well_known_node() -> Result<(), BenchmarkError> {
		let owner = operator::<T>("owner");
		fill_list::<T>(T::MaxWellKnownNodes::get() - 1, &owner);
		let node = claimed_with_connections::<T>(3)?;
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone(), owner.clone());

		let node = NodeAuthorization::<T>::peer_id(node).expect("bound");
		assert_eq!(Owners::<T>::get(&node), Some(owner));
		assert!(!AdditionalConnections::<T>::contains_key(&node));
		Ok(())
	}

	#[benchmark]
	fn remove_well_known_node() -> Result<(), BenchmarkError> {
		let owner = operator::<T>("owner");
		fill_list::<T>(T::MaxWellKnownNodes::get(), &owner);
		let node = longest_peer::<T>(0, 1);
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone());

		assert!(!Owners::<T>::contains_key(NodeAuthorization::<T>::peer_id(node).expect("bound")));
		Ok(())
	}

	#[benchmark]
	fn swap_well_known_node() -> Result<(), BenchmarkError> {
		let owner = operator::<T>("owner");
		fill_list::<T>(T::MaxWellKnownNodes::get(), &owner);
		let add = claimed_with_connections::<T>(3)?;
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, longest_peer::<T>(0, 1), add.clone());

		assert_eq!(
			Owners::<T>::get(NodeAuthorization::<T>::peer_id(add).expect("bound")),
			Some(owner)
		);
		Ok(())
	}

	#[benchmark]
	fn reset_well_known_nodes(
		n: Linear<0, { T::MaxWellKnownNodes::get() }>,
	) -> Result<(), BenchmarkError> {
		let owner = operator::<T>("owner");
		fill_list::<T>(T::MaxWellKnownNodes::get(), &owner);
		let nodes: Vec<_> = (0..n).map(|i| (longest_peer::<T>(i, 4), owner.clone())).collect();
		let origin =
			T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, nodes);

		assert_eq!(WellKnownNodes::<T>::get().len() as u32, n);
		Ok(())
	}

	#[benchmark]
	fn claim_node() {
		let who = operator::<T>("operator");
		let node = longest_peer::<T>(0, 5);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), node.clone());

		assert_eq!(
			Owners::<T>::get(NodeAuthorization::<T>::peer_id(node).expect("bound")),
			Some(who)
		);
	}

	#[benchmark]
	fn remove_claim() -> Result<(), BenchmarkError> {
		let node = claimed_with_connections::<T>(5)?;
		let claimer = operator::<T>("claimer");

		#[extrinsic_call]
		_(RawOrigin::Signed(claimer), node.clone());

		assert!(!Owners::<T>::contains_key(NodeAuthorization::<T>::peer_id(node).expect("bound")));
		Ok(())
	}

	#[benchmark]
	fn transfer_node() -> Result<(), BenchmarkError> {
		let node = claimed_with_connections::<T>(5)?;
		let claimer = operator::<T>("claimer");
		let target = operator::<T>("target");

		#[extrinsic_call]
		_(RawOrigin::Signed(claimer), node.clone(), target.clone());

		assert_eq!(
			Owners::<T>::get(NodeAuthorization::<T>::peer_id(node).expect("bound")),
			Some(target)
		);
		Ok(())
	}

	#[benchmark]
	fn add_connections(n: Linear<1, { T::MaxConnections::get() }>) -> Result<(), BenchmarkError> {
		let claimer = operator::<T>("claimer");
		let node = longest_peer::<T>(0, 6);
		NodeAuthorization::<T>::claim_node(RawOrigin::Signed(claimer.clone()).into(), node.clone())
			.map_err(|_| BenchmarkError::Stop("an operator claims a node"))?;
		let connections: Vec<_> = (0..n).map(|i| longest_peer::<T>(i, 7)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(claimer), node.clone(), connections);

		let node = NodeAuthorization::<T>::peer_id(node).expect("bound");
		assert_eq!(AdditionalConnections::<T>::get(&node).len() as u32, n);
		Ok(())
	}

	#[benchmark]
	fn remove_connections(
		n: Linear<1, { T::MaxConnections::get() }>,
	) -> Result<(), BenchmarkError> {
		let node = claimed_with_connections::<T>(8)?;
		let claimer = operator::<T>("claimer");
		let connections: Vec<_> = (0..n).map(|i| longest_peer::<T>(i, 2)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(claimer), node.clone(), connections);

		let node = NodeAuthorization::<T>::peer_id(node).expect("bound");
		assert_eq!(
			AdditionalConnections::<T>::get(&node).len() as u32,
			T::MaxConnections::get() - n
		);
		Ok(())
	}

	impl_benchmark_test_suite!(NodeAuthorization, crate::mock::new_test_ext(), crate::mock::Test);
}

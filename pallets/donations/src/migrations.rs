//! Storage migrations. Version 1 is the first layout: a chain that adds the pallet starts at it
//! and needs none.

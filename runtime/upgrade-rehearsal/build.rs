//! Builds the rehearsal's WASM, with its metadata hash as the production runtime's build does.

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("SCN", 6)
		.build();
}

#[cfg(not(feature = "std"))]
fn main() {}

//! What a Ballista scheduler and executor need to know the functions.
//!
//! The client plans the query and sends the logical plan, which names the functions; the
//! scheduler decodes it with its own session state ([`session_state`]) and sends physical plans
//! to the executors, which decode them with their function registry ([`function_registry`]).
//! Both sides must therefore know the functions; the binaries `nerchinsk-ballista-scheduler`
//! and `nerchinsk-ballista-executor` are the stock Ballista ones with these two hooks.

use ballista_core::registry::BallistaFunctionRegistry;
use datafusion::execution::registry::FunctionRegistry;
use datafusion::execution::session_state::SessionState;
use datafusion::prelude::SessionConfig;

/// Ballista's default executor registry (DataFusion's built-in functions) plus this crate's,
/// for `ExecutorProcessConfig::override_function_registry`.
pub fn function_registry() -> BallistaFunctionRegistry {
    let mut registry = BallistaFunctionRegistry::default();
    for f in crate::functions() {
        registry.scalar_functions.insert(f.name().to_string(), f);
    }
    registry
}

/// Ballista's default scheduler session state plus this crate's functions, for
/// `SchedulerConfig::with_override_session_builder`.
pub fn session_state(config: SessionConfig) -> datafusion::common::Result<SessionState> {
    let mut state = ballista_core::utils::default_session_builder(config)?;
    for f in crate::functions() {
        state.register_udf(f)?;
    }
    Ok(state)
}

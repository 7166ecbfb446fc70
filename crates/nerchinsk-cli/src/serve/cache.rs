//! A bounded cache of the heavy answers (territories, changes, maps), keyed by their request.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use axum::body::Bytes;

/// Answers by key, at most `max_bytes` of them in all; when full, the oldest entries go first
/// (first in, first out: the explorer asks for the dates around the one shown, so recency and
/// age nearly coincide). An answer larger than the whole budget is not kept.
pub struct Cache {
    max_bytes: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<String, Bytes>,
    order: VecDeque<String>,
    bytes: usize,
}

impl Cache {
    /// An empty cache that keeps at most `max_bytes` of answers.
    pub fn new(max_bytes: usize) -> Cache {
        Cache {
            max_bytes,
            inner: Mutex::new(Inner::default()),
        }
    }

    /// The answer kept for `key`, if any (a clone of `Bytes` shares the buffer).
    pub fn get(&self, key: &str) -> Option<Bytes> {
        self.lock().entries.get(key).cloned()
    }

    /// Keeps `value` for `key`, dropping the oldest answers until it fits.
    pub fn put(&self, key: String, value: Bytes) {
        if value.len() > self.max_bytes {
            return;
        }
        let mut inner = self.lock();
        if inner.entries.contains_key(&key) {
            return;
        }
        while inner.bytes + value.len() > self.max_bytes {
            let Some(old) = inner.order.pop_front() else {
                break;
            };
            if let Some(v) = inner.entries.remove(&old) {
                inner.bytes -= v.len();
            }
        }
        inner.bytes += value.len();
        inner.order.push_back(key.clone());
        inner.entries.insert(key, value);
    }

    /// How many bytes the kept answers take.
    pub fn bytes(&self) -> usize {
        self.lock().bytes
    }

    /// The lock; a thread that panicked while holding it left the maps consistent (every
    /// update is done before the guard drops), so a poisoned lock is used as it is.
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_answers_go_when_the_budget_is_spent() {
        let c = Cache::new(10);
        c.put("a".into(), Bytes::from_static(b"12345"));
        c.put("b".into(), Bytes::from_static(b"1234"));
        assert_eq!(c.bytes(), 9);
        c.put("c".into(), Bytes::from_static(b"123"));
        assert!(c.get("a").is_none());
        assert_eq!(c.get("b").as_deref(), Some(&b"1234"[..]));
        assert_eq!(c.bytes(), 7);
        c.put("huge".into(), Bytes::from(vec![0u8; 11]));
        assert!(c.get("huge").is_none());
        assert_eq!(c.bytes(), 7);
    }
}

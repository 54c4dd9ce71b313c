//! What the fuzz targets share: running the analysis with the stack a
//! browser gives it, and a stack overflow there reported as a crash.
//!
//! WebAssembly gets 1 MiB of stack (the wasm32 default); libFuzzer's main
//! thread has 8. The targets run the analysis on a thread of 1 MiB, so
//! recursion too deep for the page overflows in the fuzzer too.
//!
//! Without a sanitizer nothing catches that overflow: the SIGSEGV handler
//! would run on the exhausted stack itself, and the process would die
//! without saving the input. So the thread gets an alternate signal stack,
//! and [`install_overflow_handler`] (from the targets' `init`, before
//! libFuzzer sets its own handlers, which then keep `SA_ONSTACK` and call
//! this one) turns SIGSEGV into an abort, which libFuzzer records as a
//! crash with its input.

use std::ptr;

/// The stack a browser gives WebAssembly.
pub const BROWSER_STACK: usize = 1 << 20;
/// The alternate stack signal handlers run on.
const SIGNAL_STACK: usize = 64 * 1024;

extern "C" fn on_segv(_: libc::c_int, _: *mut libc::siginfo_t, _: *mut libc::c_void) {
    const MSG: &[u8] =
        b"\nsynoptic-fuzz: SIGSEGV in the analysis (stack overflow at 1 MiB of stack?)\n";
    // SAFETY: write(2) and abort(3) are async-signal-safe.
    unsafe {
        libc::write(2, MSG.as_ptr().cast(), MSG.len());
        libc::abort();
    }
}

/// Makes SIGSEGV and SIGBUS abort from an alternate stack. Call once, from
/// the target's `init`.
pub fn install_overflow_handler() {
    for signal in [libc::SIGSEGV, libc::SIGBUS] {
        // SAFETY: a zeroed sigaction is valid; the handler only calls
        // async-signal-safe functions.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_segv as *const () as usize;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, ptr::null_mut());
        }
    }
}

/// Runs `f` on a thread with [`BROWSER_STACK`] of stack and an alternate
/// signal stack; a panic or an overflow there aborts the process.
pub fn with_browser_stack<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::Builder::new()
        .stack_size(BROWSER_STACK)
        .spawn(move || {
            let mut signal_stack = vec![0u8; SIGNAL_STACK];
            let on = libc::stack_t {
                ss_sp: signal_stack.as_mut_ptr().cast(),
                ss_flags: 0,
                ss_size: SIGNAL_STACK,
            };
            // SAFETY: the buffer outlives its use: it is disabled below
            // before it is freed.
            unsafe { libc::sigaltstack(&on, ptr::null_mut()) };
            f();
            let off = libc::stack_t {
                ss_sp: ptr::null_mut(),
                ss_flags: libc::SS_DISABLE,
                ss_size: 0,
            };
            // SAFETY: disables the alternate stack of this thread.
            unsafe { libc::sigaltstack(&off, ptr::null_mut()) };
            drop(signal_stack);
        })
        .expect("a thread for the analysis")
        .join()
        .expect("the analysis returns");
}

/// What every import target checks on a file's bytes: the import gives
/// articles or an error (with a message in both languages); each article
/// passes or fails the library's checks, and one that passes is analysed
/// without a panic, its figures inside its text.
pub fn check_import(name: &str, data: &[u8]) {
    match synoptic_import::import(name, data) {
        Err(e) => {
            assert!(!e.to_string().is_empty() && !e.italian().is_empty(), "{e:?} says nothing");
        }
        Ok(found) => {
            assert!(!found.is_empty(), "an import with no article and no error");
            let mut kept = Vec::new();
            for a in found {
                assert!(!a.text.trim().is_empty(), "{}: an empty article", a.name);
                for n in &a.notes {
                    assert!(!synoptic_import::note_italian(n).is_empty());
                }
                let Ok(article) = synoptic_library::imported_article(&a.name, &a.text, a.meta, a.inferred, &kept)
                else {
                    continue;
                };
                let parsed = synoptic_core::Article::parse("f", &article.name, article.text.clone(), article.meta.clone());
                let analysis = synoptic_core::analysis::analyse(&parsed, None);
                for f in &analysis.figures {
                    assert!(f.end <= parsed.text.len() && parsed.text.is_char_boundary(f.start) && parsed.text.is_char_boundary(f.end));
                }
                kept.push(article);
            }
        }
    }
}

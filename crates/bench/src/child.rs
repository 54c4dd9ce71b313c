//! `synoptic-bench run`: one command measured from outside (Linux): its
//! wall time, its own peak resident memory and the size of what it wrote.
//!
//! The command runs with stdout written to a file. It is waited for with
//! `waitid(WNOWAIT)` (the exit is seen, the child stays a zombie so its pid
//! cannot be reused), then reaped with `wait4`, whose `rusage` is the
//! child's alone: `ru_maxrss` is its peak resident set, in KiB. A watcher
//! thread kills it with SIGKILL when it outlives the timeout.

use std::fs::File;
use std::io;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How a measured command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It exited with this code.
    Exit(i32),
    /// A signal ended it (a crash: SIGSEGV, SIGABRT after a stack
    /// overflow or a failed allocation…).
    Signal(i32),
    /// It outlived the timeout and was killed.
    TimedOut,
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Status::Exit(c) => write!(f, "exit:{c}"),
            Status::Signal(s) => write!(f, "signal:{s}"),
            Status::TimedOut => write!(f, "timeout"),
        }
    }
}

/// What one run measured.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub status: Status,
    /// From just before the spawn to the child's exit.
    pub wall_secs: f64,
    /// The child's peak resident set size (`ru_maxrss`), KiB.
    pub max_rss_kib: i64,
    /// Bytes the child wrote to stdout.
    pub out_bytes: u64,
}

impl Measured {
    /// The one machine-readable line `synoptic-bench run` prints.
    pub fn line(&self) -> String {
        format!(
            "run status={} wall_s={:.6} maxrss_kib={} out_bytes={}",
            self.status, self.wall_secs, self.max_rss_kib, self.out_bytes
        )
    }
}

/// Runs `argv` with stdout to `out` (and stderr to `err`, else inherited),
/// stdin empty, its address space limited to `mem_limit` bytes if given.
pub fn measure(
    argv: &[String],
    out: &Path,
    err: Option<&Path>,
    timeout: Duration,
    mem_limit: Option<u64>,
) -> io::Result<Measured> {
    let (program, args) = argv
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no command to run"))?;
    let mut c = Command::new(program);
    c.args(args)
        .stdin(Stdio::null())
        .stdout(File::create(out)?)
        .stderr(match err {
            Some(p) => Stdio::from(File::create(p)?),
            None => Stdio::inherit(),
        });
    if let Some(limit) = mem_limit {
        let lim = libc::rlimit {
            rlim_cur: limit as libc::rlim_t,
            rlim_max: limit as libc::rlim_t,
        };
        // SAFETY: setrlimit is async-signal-safe and touches only the child.
        unsafe {
            c.pre_exec(move || {
                if libc::setrlimit(libc::RLIMIT_AS, &lim) == 0 {
                    Ok(())
                } else {
                    Err(io::Error::last_os_error())
                }
            });
        }
    }

    let start = Instant::now();
    // The `Child` is never waited for through std: the pid is reaped below.
    let child = c.spawn()?;
    let pid = child.id() as libc::pid_t;
    let exited = Arc::new((Mutex::new(false), Condvar::new()));
    let killed = Arc::new(AtomicBool::new(false));
    let watcher = {
        let exited = Arc::clone(&exited);
        let killed = Arc::clone(&killed);
        std::thread::spawn(move || {
            let (lock, cv) = &*exited;
            let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
            let (guard, _) = cv
                .wait_timeout_while(guard, timeout, |done| !*done)
                .unwrap_or_else(|e| e.into_inner());
            if !*guard {
                // Still not reaped (we hold the lock), so the pid is ours.
                killed.store(true, Ordering::SeqCst);
                // SAFETY: plain syscall on our own unreaped child.
                unsafe { libc::kill(pid, libc::SIGKILL) };
            }
        })
    };

    // Wait for the exit without reaping, so the watcher can never signal a
    // reused pid.
    loop {
        // SAFETY: siginfo_t is plain data; waitid fills it.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 {
            break;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
    let wall_secs = start.elapsed().as_secs_f64();
    {
        let (lock, cv) = &*exited;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cv.notify_all();
    }
    let _ = watcher.join();

    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if r != pid {
        return Err(io::Error::last_os_error());
    }
    drop(child);
    let status = if killed.load(Ordering::SeqCst) {
        Status::TimedOut
    } else if libc::WIFSIGNALED(status) {
        Status::Signal(libc::WTERMSIG(status))
    } else {
        Status::Exit(libc::WEXITSTATUS(status))
    };
    Ok(Measured {
        status,
        wall_secs,
        max_rss_kib: usage.ru_maxrss,
        out_bytes: std::fs::metadata(out).map(|m| m.len()).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, timeout: Duration) -> Measured {
        let dir = std::env::temp_dir().join(format!("synoptic-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let out = dir.join(format!("{}.out", RUNS.fetch_add(1, Ordering::SeqCst)));
        let argv = ["sh", "-c", script].map(String::from);
        let m = measure(&argv, &out, None, timeout, None).unwrap();
        let _ = std::fs::remove_file(&out);
        m
    }

    #[test]
    fn exit_code_and_output_size() {
        let m = sh("printf 12345; exit 3", Duration::from_secs(10));
        assert_eq!(m.status, Status::Exit(3));
        assert_eq!(m.out_bytes, 5);
        assert!(m.max_rss_kib > 0);
    }

    #[test]
    fn a_crash_is_a_signal() {
        let m = sh("kill -SEGV $$", Duration::from_secs(10));
        assert_eq!(m.status, Status::Signal(libc::SIGSEGV));
    }

    #[test]
    fn a_child_past_its_timeout_is_killed() {
        let m = sh("sleep 5", Duration::from_millis(200));
        assert_eq!(m.status, Status::TimedOut);
        assert!(m.wall_secs < 2.0, "{}", m.wall_secs);
    }

    #[test]
    fn peak_memory_is_the_childs() {
        // A shell that holds a 64 MB string is well above its usual peak.
        let small = sh("true", Duration::from_secs(10));
        let big = sh(
            "x=$(head -c 64000000 /dev/zero | tr '\\0' a); echo ${#x}",
            Duration::from_secs(30),
        );
        assert_eq!(big.status, Status::Exit(0));
        assert!(
            big.max_rss_kib > small.max_rss_kib + 50_000,
            "{} vs {}",
            big.max_rss_kib,
            small.max_rss_kib
        );
    }
}

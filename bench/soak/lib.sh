# Shared by bench/soak/run.sh and bench/soak/turns.sh (sourced, not run). Each script sets
# `tag` (its name in messages), `root` and `work` before calling these.

# The distribution's launcher, a JDK >= 25 for it, and the tools the JACK benchmarks need
# (installed with apt-get when run as root). Sets `launcher`.
soak_prepare() {
  local dist="${PATCHWORK_DIST:-$root/distribution/target/patchwork}" tool
  launcher="$dist/bin/patchwork"
  [ -x "$launcher" ] || { echo "$tag: build first (mvn -B -q -ntp install -DskipTests)" >&2; exit 2; }
  # shellcheck source=/dev/null
  source "$root/.ci/lib.sh"
  pw_find_jdk >/dev/null
  export PATCHWORK_JAVA="$JAVA_HOME/bin/java"
  pw_apt jackd2 libjack-jackd2-dev gcc libc6-dev jq >/dev/null
  for tool in jackd jack_wait gcc jq; do
    command -v "$tool" >/dev/null || { echo "$tag: needs $tool" >&2; exit 2; }
  done
}

# jackd's scheduling from JACKD_RT=auto|on|off: -R -P 70 (real time, as musicians run it) or
# -r; auto picks -R when this user may use SCHED_FIFO. Sets the array `jackd_rt`.
soak_jackd_mode() {
  case "${JACKD_RT:-auto}" in
    on) jackd_rt=(-R -P 70) ;;
    off) jackd_rt=(-r) ;;
    auto) if chrt -f 10 true 2>/dev/null; then jackd_rt=(-R -P 70); else jackd_rt=(-r); fi ;;
    *) echo "$tag: JACKD_RT must be auto, on or off: ${JACKD_RT}" >&2; exit 2 ;;
  esac
}

# Starts jackd (dummy backend, 48 kHz, 64 frames) as JACK_DEFAULT_SERVER, logging to
# $work/jackd-LABEL.log, and waits until it answers. Sets `jackd_pid`.
soak_start_jackd() {
  jackd -n "$JACK_DEFAULT_SERVER" "${jackd_rt[@]}" -d dummy -r 48000 -p 64 >"$work/jackd-$1.log" 2>&1 &
  jackd_pid=$!
  if ! jack_wait -w -t 10 >/dev/null 2>&1; then
    echo "$tag: jackd did not start:" >&2
    cat "$work/jackd-$1.log" >&2
    exit 1
  fi
}

soak_stop_jackd() {
  kill "$jackd_pid" 2>/dev/null || true
  wait "$jackd_pid" 2>/dev/null || true
  jackd_pid=""
}

# The machine, for the record: cores, CPU model, load average.
soak_machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

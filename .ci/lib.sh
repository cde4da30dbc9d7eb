# Shared by run.sh, test.sh and .ci/run: finds a JDK >= 25 and installs Debian packages.
# Sourced, not run.

pw_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}

# Sets JAVA_HOME to a JDK >= 25 (JAVA_HOME, java on PATH, then /usr/lib/jvm/*), installing
# Debian's openjdk-25 as root when none is found; otherwise says exactly what is missing.
pw_find_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    v="$(pw_java_major "$c/bin/java" || true)"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "No JDK >= 25 found: installing Debian's openjdk-25-jdk-headless" >&2
    pw_apt openjdk-25-jdk-headless && pw_find_jdk && return 0
  fi
  echo "error: Patchwork needs a JDK 25 or newer (javac included). Install one, e.g." >&2
  echo "  apt-get install openjdk-25-jdk-headless   (or Temurin 25), then set JAVA_HOME to it." >&2
  return 1
}

# Installs Debian packages that are missing; as root only, otherwise names them and fails.
pw_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "error: the tests need these Debian/Ubuntu packages: ${missing[*]}" >&2
    echo "  install them with: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "Installing ${missing[*]}" >&2
  if [ -z "${PW_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    export PW_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Maven, installed from Debian when absent.
pw_find_maven() {
  command -v mvn >/dev/null 2>&1 || pw_apt maven
  # Maven's own libraries still use sun.misc.Unsafe; JDK 25 warns about it on every run.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
}

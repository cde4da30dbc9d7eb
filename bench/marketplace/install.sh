#!/usr/bin/env bash
# Marketplace install time over loopback: a module bundle with 3 library dependencies, published
# with `patchwork repo publish`, served by the JDK's jwebserver on 127.0.0.1, installed into a
# running headless host with `pw:market install` (catalogue refresh and checks, OSGi resolve,
# download, SHA-256 and Ed25519 checks, zip-bomb-safe inspection, install, start), then removed,
# RUNS times. Prints each run's figures as the command reports them and the median of the runs
# after the first (which also warms the JIT). A second figure is the whole one-shot command
# `patchwork market install` (JVM start and host boot included).
# Usage: bench/marketplace/install.sh [RUNS]   (build first; the distribution needs the
# repository-tool and marketplace bundles)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
runs="${1:-11}"
dist=distribution/target/patchwork
launcher=$dist/bin/patchwork
[ -x "$launcher" ] || { echo "bench: build first (mvn install -DskipTests)" >&2; exit 2; }
ls "$dist"/bundles/marketplace-*.jar "$dist"/bundles/repository-tool-*.jar >/dev/null 2>&1 \
  || { echo "bench: the distribution has no marketplace/repository-tool bundle" >&2; exit 2; }
java_home="$(bash -c "source .ci/lib.sh && pw_find_jdk && echo \$JAVA_HOME")"
work="$(mktemp -d)"
export PATCHWORK_HOME="$work/home"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# Three libraries and a module (the example gain) importing one package of each.
mkdir -p "$work/jars" "$work/empty"
imports="java.lang,java.util,org.patchwork.sdk.module;version=\"[1.0,2)\""
for n in 1 2 3; do
  printf 'Bundle-ManifestVersion: 2\nBundle-SymbolicName: bench.lib%s\nBundle-Version: 1.0.0\nExport-Package: bench.lib%s;version="1.0.0"\n' \
    "$n" "$n" > "$work/lib$n.mf"
  "$java_home/bin/jar" --create --file "$work/jars/lib$n.jar" --manifest "$work/lib$n.mf" -C "$work/empty" .
  imports="$imports,bench.lib$n;version=\"[1.0,2)\""
done
cp "$dist"/examples/example-gain-*.jar "$work/jars/module.jar"
# Manifest lines are at most 72 bytes: the long header is folded, continuation lines start with a space.
{ printf 'Bundle-SymbolicName: bench.module\nBundle-Version: 1.0.0\n'
  printf 'Import-Package: %s\n' "$imports" | fold -w 70 | sed '2,$s/^/ /'; } > "$work/module.mf"
"$java_home/bin/jar" --update --file "$work/jars/module.jar" --manifest "$work/module.mf" 2>/dev/null

"$launcher" repo keygen --out "$work/keys" >/dev/null
"$launcher" repo publish --key "$work/keys/private.key" --out "$work/site" "$work"/jars/*.jar >/dev/null
port=$(( 20000 + RANDOM % 20000 ))
"$java_home/bin/jwebserver" -b 127.0.0.1 -p "$port" -d "$work/site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
url="http://127.0.0.1:$port/"

{
  echo "pw:market add-repo $url --key $work/keys/public.key --name bench"
  for _ in $(seq "$runs"); do
    echo "pw:market install bench.module"
    echo "pw:market remove bench.module"
    for n in 1 2 3; do echo "pw:market remove bench.lib$n"; done
  done
  echo exit
} | "$launcher" headless > "$work/out.txt" 2> "$work/err.txt"
if [ -s "$work/err.txt" ]; then cat "$work/err.txt" >&2; exit 1; fi
grep '^market install:' "$work/out.txt" | sed 's/^/  /'
grep '^market install:' "$work/out.txt" | tail -n +2 | sed 's/.* in \([0-9]*\) ms (catalogues \([0-9]*\) ms, resolve \([0-9]*\) ms, download and verify \([0-9]*\) ms, install and start \([0-9]*\) ms)/\1 \2 \3 \4 \5/' \
  | sort -n | awk '{ t[NR]=$1; c[NR]=$2; r[NR]=$3; v[NR]=$4; i[NR]=$5 } END { m=int((NR+1)/2);
    printf "in-host install of a bundle with 3 dependencies, median of %d warm runs: %d ms (catalogue refresh %d, resolve %d, download and verify %d, install and start %d)\n", NR, t[m], c[m], r[m], v[m], i[m] }'

# The whole one-shot command, JVM and host start included.
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$launcher" market install bench.module >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
  printf 'pw:market remove bench.module\npw:market remove bench.lib1\npw:market remove bench.lib2\npw:market remove bench.lib3\nexit\n' \
    | "$launcher" headless >/dev/null
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "one-shot 'patchwork market install' (JVM start, host boot, install, shutdown), 5 runs: median ${sorted[2]} ms, min ${sorted[0]} ms, max ${sorted[4]} ms"

/*
 * native_saw: the soak test's native reference, a plain C JACK client doing the synthesis of
 * Patchwork's "Subtractive" module (bundles/dsp-oscillators, Voices.java) for one held chord:
 *
 *   N voices, each a PolyBLEP saw -> 2-pole resonant low-pass (TPT state-variable filter, in
 *   the same state-space form) whose cutoff an LFO moves (refreshed every 16 frames) ->
 *   linear ADSR; summed in double, times gain, to both outputs.
 *
 * It counts its own xruns (jack_set_xrun_callback) and times every process callback, and
 * prints the same statistics as `patchwork play --stats` (JSON, one object) at the end.
 *
 * Build: gcc -O2 -o native_saw native_saw.c -ljack -lm
 * Run:   JACK_DEFAULT_SERVER=NAME ./native_saw --seconds 60 [--voices 256] [--stats FILE.json]
 * Check: ./native_saw --offline 10   (no JACK: renders 10 s, prints level and speed)
 *
 * The voice and filter parameters are those of the project that bench/soak/run.sh generates
 * for Patchwork: key 33 + (i mod 48), velocity 1, cutoff 800 Hz, resonance (Q) 2, LFO 0.2 Hz
 * + f/2000, depth 600 Hz, attack 10 ms, decay 100 ms, sustain 0.7, release 500 ms.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <jack/jack.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_VOICES 256
#define CONTROL 16
#define HIST_US 1000000 /* exact microsecond buckets up to 1 s; longer ones go to the last */

enum { IDLE, ATTACK, DECAY, SUSTAIN, RELEASE };

/* Parameters (the generated project's). */
static const double CUTOFF = 800, RESONANCE = 2, LFO_RATE = 0.2, LFO_DEPTH = 600,
                    LFO_KEYTRACK = 1.0 / 2000, ATTACK_MS = 10, DECAY_MS = 100, SUSTAIN_LEVEL = 0.7,
                    GAIN = 0.01;

/* Voices, struct of arrays like the Java module. */
static int nvoices = MAX_VOICES;
static double hz[MAX_VOICES], amp[MAX_VOICES], q[MAX_VOICES], dq[MAX_VOICES], hinv[MAX_VOICES],
    held[MAX_VOICES], s1[MAX_VOICES], s2[MAX_VOICES], a11[MAX_VOICES], a12[MAX_VOICES],
    a21[MAX_VOICES], a22[MAX_VOICES], b1[MAX_VOICES], b2[MAX_VOICES], env[MAX_VOICES],
    env_step[MAX_VOICES], lfo[MAX_VOICES];
static int stage[MAX_VOICES];
static long refreshed_at[MAX_VOICES];
static long env_left[MAX_VOICES];
static double sample_rate, inv_rate, max_cutoff, damping;
static long attack_frames, decay_frames;
static long clock_frames;
static double *mix;

/* Statistics: written by the process thread (and xruns by JACK's notification thread). */
static jack_client_t *client;
static jack_port_t *out_ports[2];
static unsigned long long *hist;
static unsigned long long blocks, deadline_misses, max_us, max_block;
static atomic_ulong xruns;
static long period_ns;
static volatile sig_atomic_t stop_now;

static long frames_of(double ms) {
  long f = lround(ms * sample_rate / 1000);
  return f < 1 ? 1 : f;
}

static void refresh(int v, long frames_since) {
  double p = lfo[v] + (LFO_RATE + hz[v] * LFO_KEYTRACK) * frames_since * inv_rate;
  if (p >= 1) p -= floor(p);
  lfo[v] = p;
  double fc = CUTOFF + LFO_DEPTH * sin(2 * M_PI * p);
  if (fc < 20) fc = 20;
  if (fc > max_cutoff) fc = max_cutoff;
  double g = tan(M_PI * fc * inv_rate);
  double gn = g / (1 + g * (g + damping));
  a11[v] = 1 - 2 * gn * (g + damping);
  a12[v] = -2 * gn;
  b1[v] = 2 * gn;
  a21[v] = g * (1 + a11[v]);
  a22[v] = 1 - 2 * g * gn;
  b2[v] = 2 * g * gn;
}

static void start_voice(int v, int key, double velocity) {
  hz[v] = 440 * pow(2, (key - 69) / 12.0);
  double inc = fmin(hz[v] / sample_rate, 0.45);
  q[v] = -1; /* phase 0 */
  dq[v] = 2 * inc;
  hinv[v] = 0.5 / inc;
  held[v] = -1;
  s1[v] = s2[v] = 0;
  amp[v] = 0.5 * velocity;
  env[v] = 0;
  stage[v] = ATTACK;
  env_left[v] = attack_frames;
  env_step[v] = amp[v] / attack_frames;
  lfo[v] = 0;
  refreshed_at[v] = clock_frames;
  refresh(v, 0);
}

static void next_stage(int v) {
  if (stage[v] == ATTACK) {
    env[v] = amp[v];
    stage[v] = DECAY;
    env_left[v] = decay_frames;
    env_step[v] = (SUSTAIN_LEVEL - 1) * amp[v] / decay_frames;
  } else if (stage[v] == DECAY || stage[v] == SUSTAIN) {
    env[v] = SUSTAIN_LEVEL * amp[v];
    stage[v] = SUSTAIN;
    env_left[v] = -1; /* never */
    env_step[v] = 0;
  } else {
    stage[v] = IDLE;
    env[v] = env_step[v] = 0;
    env_left[v] = -1;
  }
}

/* One voice's saw, filter and envelope over frames [from, to), added to out. */
static inline void render_voice(int v, double *restrict out, int from, int to) {
  double qv = q[v], d2 = dq[v], hi = hinv[v], h = held[v], x1 = s1[v], x2 = s2[v];
  double m11 = a11[v], m12 = a12[v], m21 = a21[v], m22 = a22[v], c1 = b1[v], c2 = b2[v];
  double g = env[v], t = env_step[v];
  long left = env_left[v];
  for (int j = from; j < to; j++) {
    if (left == 0) {
      env[v] = g;
      next_stage(v);
      g = env[v];
      t = env_step[v];
      left = env_left[v];
    }
    double x = h;
    qv += d2;
    if (qv >= 1) {
      qv -= 2;
      double d = (qv + 1) * hi;
      x += 0.5 * -2 * d * d;           /* polyBLEP before the step */
      double e = 1 - d;
      h = qv + -0.5 * -2 * e * e;      /* and after it */
    } else {
      h = qv;
    }
    double n1 = m11 * x1 + (m12 * x2 + c1 * x);
    double n2 = m22 * x2 + (m21 * x1 + c2 * x);
    g += t;
    out[j] += (x2 + n2) * g;
    x1 = n1;
    x2 = n2;
    if (left > 0) left--;
  }
  q[v] = qv;
  held[v] = h;
  s1[v] = x1;
  s2[v] = x2;
  env[v] = g;
  env_left[v] = left;
}

static long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

/* Renders one block of the chord into mix[0..frames). */
static void render(int frames) {
  for (int i = 0; i < frames; i++) mix[i] = 0;
  int i = 0;
  while (i < frames) {
    long now = clock_frames + i;
    int stop = (int) (i + CONTROL - (now & (CONTROL - 1)));
    if (stop > frames) stop = frames;
    if ((now & (CONTROL - 1)) == 0) {
      for (int v = 0; v < nvoices; v++) {
        if (stage[v] != IDLE) {
          refresh(v, now - refreshed_at[v]);
          refreshed_at[v] = now;
        }
      }
    }
    for (int v = 0; v < nvoices; v++) {
      if (stage[v] != IDLE) render_voice(v, mix, i, stop);
    }
    i = stop;
  }
  clock_frames += frames;
}

static int process(jack_nframes_t nframes, void *arg) {
  (void) arg;
  long t0 = now_ns();
  int frames = (int) nframes;
  render(frames);
  jack_default_audio_sample_t *l = jack_port_get_buffer(out_ports[0], nframes);
  jack_default_audio_sample_t *r = jack_port_get_buffer(out_ports[1], nframes);
  for (int k = 0; k < frames; k++) {
    float s = (float) (mix[k] * GAIN);
    l[k] = s;
    r[k] = s;
  }
  long dt = now_ns() - t0;
  unsigned long long us = (unsigned long long) (dt / 1000);
  hist[us < HIST_US ? us : HIST_US - 1]++;
  if (us > max_us) {
    max_us = us;
    max_block = blocks;
  }
  if (dt > period_ns) deadline_misses++;
  blocks++;
  return 0;
}

static int on_xrun(void *arg) {
  (void) arg;
  atomic_fetch_add(&xruns, 1);
  return 0;
}

static void on_shutdown(void *arg) {
  (void) arg;
  stop_now = 1;
}

static void on_signal(int sig) {
  (void) sig;
  stop_now = 1;
}

/* Nearest rank, as Patchwork's LatencyHistogram: the smallest value with >= p % at or below. */
static unsigned long long percentile(double p) {
  if (blocks == 0) return 0;
  unsigned long long rank = (unsigned long long) ceil(p / 100.0 * (double) blocks), seen = 0;
  for (long i = 0; i < HIST_US; i++) {
    seen += hist[i];
    if (seen >= rank) return (unsigned long long) i < max_us ? (unsigned long long) i : max_us;
  }
  return max_us;
}

static void setup(double rate) {
  sample_rate = rate;
  inv_rate = 1 / sample_rate;
  max_cutoff = 0.45 * sample_rate;
  damping = 1 / RESONANCE;
  attack_frames = frames_of(ATTACK_MS);
  decay_frames = frames_of(DECAY_MS);
  for (int v = 0; v < MAX_VOICES; v++) stage[v] = IDLE;
  for (int v = 0; v < nvoices; v++) start_voice(v, 33 + v % 48, 1.0);
}

/* --offline SECONDS: renders without JACK at 48 kHz in 64-frame blocks and prints the level
 * and the speed, to check the DSP (no NaN, sane level) and its cost apart from JACK. */
static int render_offline(double seconds) {
  mix = calloc(64, sizeof(double));
  setup(48000);
  long total = (long) llround(seconds * 48000);
  double peak = 0, energy = 0;
  long t0 = now_ns();
  for (long done = 0; done < total; done += 64) {
    render(64);
    for (int k = 0; k < 64; k++) {
      double s = mix[k] * GAIN;
      if (fabs(s) > peak || s != s) peak = s != s ? NAN : fmax(peak, fabs(s));
      energy += s * s;
    }
  }
  double elapsed = (now_ns() - t0) / 1e9;
  printf("offline: %d voices, %.1f s in %.3f s (%.1fx real time), peak %.4f, rms %.4f\n", nvoices,
      seconds, elapsed, seconds / elapsed, peak, sqrt(energy / total));
  return peak == peak ? 0 : 1;
}

int main(int argc, char **argv) {
  double seconds = 10;
  const char *stats = NULL, *name = "native_saw";
  double offline = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--seconds") && i + 1 < argc) seconds = atof(argv[++i]);
    else if (!strcmp(argv[i], "--voices") && i + 1 < argc) nvoices = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--stats") && i + 1 < argc) stats = argv[++i];
    else if (!strcmp(argv[i], "--name") && i + 1 < argc) name = argv[++i];
    else if (!strcmp(argv[i], "--offline") && i + 1 < argc) offline = atof(argv[++i]);
    else {
      fprintf(stderr, "usage: native_saw [--seconds N] [--voices 1..256] [--stats FILE.json] [--name CLIENT]\n");
      return 2;
    }
  }
  if (nvoices < 1 || nvoices > MAX_VOICES || !(seconds > 0)) {
    fprintf(stderr, "native_saw: --voices must be 1..256 and --seconds positive\n");
    return 2;
  }
  if (offline > 0) return render_offline(offline);
  jack_status_t status;
  client = jack_client_open(name, JackNoStartServer, &status);
  if (!client) {
    fprintf(stderr, "native_saw: no JACK server (status 0x%x); set JACK_DEFAULT_SERVER\n", status);
    return 1;
  }
  jack_nframes_t period = jack_get_buffer_size(client);
  setup(jack_get_sample_rate(client));
  period_ns = (long) (period * 1e9 / sample_rate);
  /* Everything the process callback touches is allocated and touched here. */
  mix = calloc(8192, sizeof(double));
  hist = calloc(HIST_US, sizeof(unsigned long long));
  if (!mix || !hist) return 1;
  out_ports[0] = jack_port_register(client, "out_1", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  out_ports[1] = jack_port_register(client, "out_2", JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
  if (!out_ports[0] || !out_ports[1]) {
    fprintf(stderr, "native_saw: cannot register ports\n");
    return 1;
  }
  jack_set_process_callback(client, process, NULL);
  jack_set_xrun_callback(client, on_xrun, NULL);
  jack_on_shutdown(client, on_shutdown, NULL);
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  if (jack_activate(client)) {
    fprintf(stderr, "native_saw: cannot activate\n");
    return 1;
  }
  char port[300];
  snprintf(port, sizeof port, "%s:out_1", jack_get_client_name(client));
  jack_connect(client, port, "system:playback_1"); /* best effort, as Patchwork's driver */
  snprintf(port, sizeof port, "%s:out_2", jack_get_client_name(client));
  jack_connect(client, port, "system:playback_2");
  fprintf(stdout, "playing %d voices through jack (native C) at %.0f Hz, %u-frame blocks\n", nvoices,
      sample_rate, period);
  fflush(stdout);
  long target = (long) llround(seconds * sample_rate);
  long deadline = now_ns() + (long) ((seconds + 30) * 1e9);
  while (!stop_now && (long) (clock_frames) < target && now_ns() < deadline) {
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  jack_deactivate(client);
  jack_client_close(client);
  char json[1024];
  snprintf(json, sizeof json,
      "{\n  \"driver\" : \"native-c-jack\",\n  \"sampleRate\" : %.0f,\n  \"blockSize\" : %u,\n"
      "  \"blocks\" : %llu,\n  \"xruns\" : %lu,\n  \"deadlineMisses\" : %llu,\n"
      "  \"callbackMicros\" : {\n    \"p50\" : %llu,\n    \"p99\" : %llu,\n    \"max\" : %llu\n  },\n"
      "  \"maxAtSecond\" : %.3f,\n  \"voices\" : %d\n}\n",
      sample_rate, period, blocks, (unsigned long) atomic_load(&xruns), deadline_misses,
      percentile(50), percentile(99), max_us, max_block * (double) period / sample_rate, nvoices);
  fputs(json, stdout);
  if (stats) {
    FILE *f = fopen(stats, "w");
    if (!f) {
      fprintf(stderr, "native_saw: cannot write %s: %s\n", stats, strerror(errno));
      return 1;
    }
    fputs(json, f);
    fclose(f);
  }
  return stop_now && (long) clock_frames < target ? 1 : 0;
}

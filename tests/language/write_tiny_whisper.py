#!/usr/bin/python3
"""Writes a tiny Whisper model in whisper.cpp's ggml file layout, for tests.

    write_tiny_whisper.py [--width N --heads N --layers N] OUT LANGUAGE TOKEN...

The layout is the one whisper.cpp's models/convert-pt-to-ggml.py writes and src/whisper.cpp's
whisper_model_load reads (all little-endian):
  magic "ggml" (0x67676d6c); 11 int32 hyper-parameters (n_vocab, n_audio_ctx, n_audio_state,
  n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype);
  the mel filters (int32 n_mel, int32 n_fft, n_mel*n_fft float32); the vocabulary (int32 count,
  then per token int32 length + bytes); then every tensor as int32 n_dims, int32 name length,
  int32 type (0 f32, 1 f16), n_dims int32 sizes fastest-first, the name, the data.

The network is Whisper's (one encoder and one decoder layer, width 64) with random weights, but the
decoder's positional embedding carries a script: at each position one coordinate is large, and the
token that position should produce has a large value in that coordinate of the (tied) token
embedding. Whatever the audio, greedy decoding then reads out
  language detection -> LANGUAGE, <|0.00|>, TOKEN..., <|1.50|>, end of text
so a test knows what the pipeline must store. TOKEN is UTF-8 text, or "/b:" and hex digits for
raw bytes (a piece of a character, as Whisper's byte-level tokens can be). --width, --heads and
--layers give a network of a real model's size (ggml-base: 512, 8, 6) for timing the computation
of such a model; the tests keep the default tiny one.
"""
import argparse
import struct

import numpy as np

# Multilingual vocabulary of the original Whisper models: 50257 text tokens (0..50256 after the
# multilingual shift the end-of-text token is 50257), start of transcript 50258, 99 languages from
# 50259, then translate, transcribe, ..., no-timestamps 50363 and the first timestamp 50364 (0.00 s,
# one per 0.02 s). whisper.cpp derives the same ids from n_vocab (whisper_vocab, src/whisper.cpp).
N_VOCAB = 51865
EOT, SOT, BEG = 50257, 50258, 50364
LANGUAGES = ["en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr"]  # whisper.cpp's first ids
AUDIO_CTX, TEXT_CTX, MELS = 1500, 448, 80
FIRST_WORD_ID = 1000  # where the script's text tokens go in the vocabulary
SPIKE_POSITION, SPIKE_TOKEN, OUTPUT_GAIN = 10.0, 1.0, 3.0


def token_bytes(text):
    return bytes.fromhex(text[3:]) if text.startswith("/b:") else text.encode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--heads", type=int, default=2)
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("out")
    parser.add_argument("language")
    parser.add_argument("tokens", nargs="*")
    args = parser.parse_args()
    out, language, words = args.out, args.language, [token_bytes(t) for t in args.tokens]
    STATE, HEADS, LAYERS = args.width, args.heads, args.layers
    rng = np.random.default_rng(16)

    def small(*shape):
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    # The script: the token each decoder position must predict. Position 0 sees only "start of
    # transcript" (language detection); 1 and 2 are the language and task of the prompt.
    script = {0: SOT + 1 + LANGUAGES.index(language), 2: BEG}
    for i in range(len(words)):
        script[3 + i] = FIRST_WORD_ID + i
    script[3 + len(words)] = BEG + 75  # <|1.50|>
    script[4 + len(words)] = EOT
    assert max(script) < STATE, "one embedding coordinate per scripted position"

    token_embedding = small(N_VOCAB, STATE)
    decoder_positions = small(TEXT_CTX, STATE)
    for position, token in script.items():
        decoder_positions[position, position] = SPIKE_POSITION
        token_embedding[token, position] = SPIKE_TOKEN

    tensors = {
        "encoder.positional_embedding": small(AUDIO_CTX, STATE),
        "encoder.conv1.weight": small(STATE, MELS, 3),
        "encoder.conv1.bias": small(STATE, 1),
        "encoder.conv2.weight": small(STATE, STATE, 3),
        "encoder.conv2.bias": small(STATE, 1),
        "encoder.ln_post.weight": np.ones(STATE, np.float32),
        "encoder.ln_post.bias": np.zeros(STATE, np.float32),
        "decoder.positional_embedding": decoder_positions,
        "decoder.token_embedding.weight": token_embedding,
        # The gain makes the scripted token's logit stand about 20 above the rest.
        "decoder.ln.weight": np.full(STATE, OUTPUT_GAIN, np.float32),
        "decoder.ln.bias": np.zeros(STATE, np.float32),
    }

    def attention(prefix):
        for norm in ("weight", "bias"):
            tensors[f"{prefix}_ln.{norm}"] = np.ones(STATE, np.float32) if norm == "weight" else np.zeros(STATE, np.float32)
        for part in ("query", "key", "value", "out"):
            tensors[f"{prefix}.{part}.weight"] = small(STATE, STATE)
            if part != "key":
                tensors[f"{prefix}.{part}.bias"] = small(STATE)

    def mlp(prefix):
        tensors[f"{prefix}mlp_ln.weight"] = np.ones(STATE, np.float32)
        tensors[f"{prefix}mlp_ln.bias"] = np.zeros(STATE, np.float32)
        tensors[f"{prefix}mlp.0.weight"] = small(4 * STATE, STATE)
        tensors[f"{prefix}mlp.0.bias"] = small(4 * STATE)
        tensors[f"{prefix}mlp.2.weight"] = small(STATE, 4 * STATE)
        tensors[f"{prefix}mlp.2.bias"] = small(STATE)

    for layer in range(LAYERS):
        attention(f"encoder.blocks.{layer}.attn")
        mlp(f"encoder.blocks.{layer}.")
        attention(f"decoder.blocks.{layer}.attn")
        attention(f"decoder.blocks.{layer}.cross_attn")
        mlp(f"decoder.blocks.{layer}.")

    # Vocabulary: the blank " " (id 220, which the decoder looks up) and the script's words; the
    # loader names the ids above the count itself.
    vocabulary = [f"t{i}".encode() for i in range(FIRST_WORD_ID + len(words))]
    vocabulary[220] = b" "
    for i, word in enumerate(words):
        vocabulary[FIRST_WORD_ID + i] = word

    with open(out, "wb") as f:
        f.write(struct.pack("<I", 0x67676D6C))
        # ftype 1: matrices in float16, as the published ggml-*.bin models are.
        f.write(struct.pack("<11i", N_VOCAB, AUDIO_CTX, STATE, HEADS, LAYERS, TEXT_CTX, STATE, HEADS, LAYERS, MELS, 1))
        filters = rng.uniform(0.0, 0.02, (MELS, 201)).astype(np.float32)
        f.write(struct.pack("<2i", MELS, 201))
        f.write(filters.tobytes())
        f.write(struct.pack("<i", len(vocabulary)))
        for token in vocabulary:
            f.write(struct.pack("<i", len(token)))
            f.write(token)
        for name, data in tensors.items():
            # whisper.cpp keeps vectors, biases and positional embeddings in float32, the rest in
            # the file's type (convert-pt-to-ggml.py does the same).
            half = data.ndim > 1 and "positional_embedding" not in name and not name.endswith("conv1.bias") \
                and not name.endswith("conv2.bias")
            stored = data.astype(np.float16 if half else np.float32)
            encoded = name.encode()
            f.write(struct.pack("<3i", data.ndim, len(encoded), 1 if half else 0))
            f.write(struct.pack(f"<{data.ndim}i", *reversed(data.shape)))
            f.write(encoded)
            f.write(stored.tobytes())


if __name__ == "__main__":
    main()

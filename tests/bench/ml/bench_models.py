#!/usr/bin/python3
"""PyTorch-for-Python counterpart of tests/ml/bench_models.cpp, for comparing timings.

Builds the late-fusion baseline and the three MIB variants exactly as core/ml does (same layers,
sizes, masking, losses and optimiser), on synthetic tensors of the same shapes, and prints
training seconds per epoch and inference milliseconds per clip at a fixed thread count (the
fastest epoch and the fastest of five blocks of clips, as the C++ benchmark does).

Run with Debian's interpreter and python3-torch (the same LibTorch build the app uses):
    /usr/bin/python3 tests/bench/ml/bench_models.py [threads=2] [samples=256] [epochs=3] [clips=100] [arch=all] [device=cpu]
python3-torch is only needed for this comparison, not by the project.

With device "cuda" the models run on the GPU; clips are handed over on the CPU and moved to the
device in prepare(), as SentimentModel::forward does, and every timing ends with a
synchronisation. After the table: batch inference throughput (clips per second) for batches of 1,
32 and 1024 clips already on the device, the fastest of three rounds of at least 0.2 s, as
bench_models.cpp measures it.
"""
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F


def time_mask(lengths, time):
    return (torch.arange(time, device=lengths.device).unsqueeze(0) < lengths.unsqueeze(1)).float()


def masked_time_mean(x, lengths):
    mask = time_mask(lengths, x.size(1)).unsqueeze(-1)
    return (x * mask).sum(1) / lengths.clamp(min=1).float().unsqueeze(1)


def masked_mean(values, present):
    return (values * present).sum() / present.sum().clamp(min=1.0)


def kl_elements(mean, std):
    return 0.5 * (mean.pow(2) + std.pow(2) - 2 * std.log() - 1)


class SequenceEncoder(nn.Module):
    """LSTM read at each sample's last valid frame; zero for empty samples."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.outputs = outputs
        self.lstm = nn.LSTM(inputs, outputs, batch_first=True)

    def forward(self, x, lengths):
        present = (lengths > 0).float().unsqueeze(1)
        states = self.lstm(x)[0]
        last = (lengths - 1).clamp(min=0).view(-1, 1, 1).expand(x.size(0), 1, self.outputs)
        return states.gather(1, last).squeeze(1) * present


class Bottleneck(nn.Module):
    """h = relu(W x); mean; std = softplus(W h - 5); z = mean (+ std * eps); decoder."""

    def __init__(self, inputs, hidden, latent):
        super().__init__()
        self.encoder = nn.Linear(inputs, hidden)
        self.mean = nn.Linear(hidden, latent)
        self.std = nn.Linear(hidden, latent)
        self.decoder = nn.Linear(latent, 1)

    def forward(self, x, sampled):
        h = torch.relu(self.encoder(x))
        mean = self.mean(h)
        std = F.softplus(self.std(h) - 5.0)
        z = mean + std * torch.randn_like(std) if sampled else mean
        return z, mean, std, self.decoder(z)


class ConcatFusion(nn.Module):
    def __init__(self, size):
        super().__init__()
        self.linear = nn.Linear(3 * size, size)

    def forward(self, vectors):
        return torch.relu(self.linear(torch.cat(vectors, 1)))


DEVICE = torch.device("cpu")


def finish():
    """Waits for the GPU's queued work so that a clock read afterwards includes it."""
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()


def prepare(batch):
    """As SentimentModel::forward: to the model's device, NaN/inf to 0, padding zeroed, presence flags."""
    out = []
    for features, lengths in batch:
        features, lengths = features.to(DEVICE), lengths.to(DEVICE)
        lengths = lengths.clamp(0, features.size(1))
        features = torch.nan_to_num(features, 0.0, 0.0, 0.0) * time_mask(lengths, features.size(1)).unsqueeze(-1)
        out.append((features, lengths, (lengths > 0).float()))
    return out


class LateFusion(nn.Module):
    def __init__(self, dims, hidden=64):
        super().__init__()
        self.encoders = nn.ModuleList(SequenceEncoder(d, hidden) for d in dims)
        self.heads = nn.ModuleList(
            nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1)) for _ in dims)
        self.weights = nn.Parameter(torch.full((3,), 1.0 / 3.0))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, batch, sampled, targets=None):
        fused = self.bias.expand(batch[0][0].size(0))
        scores = []
        for m, (x, lengths, present) in enumerate(batch):
            score = self.heads[m](self.encoders[m](x, lengths)).squeeze(1)
            scores.append(score)
            fused = fused + self.weights[m] * score * present
        if targets is None:
            return fused
        y, unimodal = targets
        loss = F.l1_loss(fused, y)
        for m in range(3):
            loss = loss + masked_mean((scores[m] - unimodal[m]).abs(), batch[m][2])
        return fused, loss


class Mib(nn.Module):
    def __init__(self, variant, dims, hidden=50, bottleneck_hidden=1024, latent=50, beta=1e-3):
        super().__init__()
        self.variant, self.beta = variant, beta
        self.encoders = nn.ModuleList(SequenceEncoder(d, hidden) for d in dims)
        if variant == "e-mib":
            self.fusion = ConcatFusion(hidden)
        else:
            self.bottlenecks = nn.ModuleList(Bottleneck(hidden, bottleneck_hidden, latent) for _ in dims)
            self.fusion = ConcatFusion(latent)
        if variant == "l-mib":
            self.head = nn.Linear(latent, 1)
        else:
            self.fused = Bottleneck(hidden if variant == "e-mib" else latent, bottleneck_hidden, latent)

    def forward(self, batch, sampled, targets=None):
        encoded = [enc(x, lengths) for enc, (x, lengths, _) in zip(self.encoders, batch)]
        unimodal = []
        if self.variant == "e-mib":
            fused = self.fusion(encoded)
        else:
            for m in range(3):
                z, mean, std, prediction = self.bottlenecks[m](encoded[m], sampled)
                unimodal.append((z * batch[m][2].unsqueeze(1), mean, std, prediction.squeeze(1)))
            fused = self.fusion([u[0] for u in unimodal])
        if self.variant == "l-mib":
            prediction = self.head(fused).squeeze(1)
        else:
            _, mean, std, prediction = self.fused(fused, sampled)
            prediction = prediction.squeeze(1)
        if targets is None:
            return prediction
        y, labels = targets
        loss = 2.0 * F.l1_loss(prediction, y)  # the reference code's doubled final L1
        if self.variant != "l-mib":
            loss = loss + self.beta * kl_elements(mean, std).mean()
        for m, (_, u_mean, u_std, u_prediction) in enumerate(unimodal):
            present = batch[m][2]
            term = masked_mean((u_prediction - labels[m]).abs(), present)
            term = term + self.beta * masked_mean(kl_elements(u_mean, u_std).mean(1), present)
            loss = loss + term
        return prediction, loss


def synthetic(samples, dims, time):
    """Same recipe as tests/ml/synthetic_data.cpp (all lengths full)."""
    torch.manual_seed(7)
    features, lengths, scores = [], [], []
    for d in dims:
        s = torch.rand(samples) * 2 - 1
        x = torch.randn(samples, time, d) * 0.3
        x[:, :, 0] += s.unsqueeze(1)
        features.append(x)
        lengths.append(torch.full((samples,), time, dtype=torch.int64))
        scores.append(s)
    labels = (1.5 * scores[0] + scores[1] - scores[2]).clamp(-3, 3)
    return features, lengths, labels, [3 * s for s in scores]


def batch_of(data, indices):
    features, lengths, labels, unimodal = data
    inputs = [(f.index_select(0, indices), l.index_select(0, indices)) for f, l in zip(features, lengths)]
    targets = (labels.index_select(0, indices), [u.index_select(0, indices) for u in unimodal])
    return inputs, targets


def train(model, data, epochs, batch_size=32, lr=1e-3, warmup_fraction=0.1):
    """AdamW (weight decay 0.01), linear warm-up then decay, shuffled batches: as core/ml's trainer.
    Returns the seconds of the fastest epoch."""
    samples = data[2].size(0)
    per_epoch = (samples + batch_size - 1) // batch_size
    total = per_epoch * epochs
    warmup = round(warmup_fraction * total)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    step = 0
    fastest = float("inf")
    model.train()
    for _ in range(epochs):
        start = time.perf_counter()
        order = torch.randperm(samples)
        for b in range(per_epoch):
            indices = order[b * batch_size:(b + 1) * batch_size]
            inputs, targets = batch_of(data, indices)
            targets = (targets[0].to(DEVICE), [u.to(DEVICE) for u in targets[1]])
            _, loss = model(prepare(inputs), True, targets)
            factor = (step + 1) / warmup if step < warmup else max(0.0, (total - step) / (total - warmup))
            for group in optimizer.param_groups:
                group["lr"] = lr * factor
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            step += 1
        finish()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    clips = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    only = sys.argv[5] if len(sys.argv) > 5 and sys.argv[5] != "all" else None
    device = sys.argv[6] if len(sys.argv) > 6 else "cpu"
    if device not in ("cpu", "cuda"):
        sys.exit(f"bench_models.py: device must be cpu or cuda, not {device!r}")
    if device == "cuda" and not torch.cuda.is_available():
        sys.exit("bench_models.py: device cuda asked for, but this torch has no usable CUDA device")
    global DEVICE
    DEVICE = torch.device(device)
    torch.set_num_threads(threads)
    dims = (768, 74, 47)
    data = synthetic(samples, dims, 50)
    print(f"threads {threads}, {samples} samples, batch 32, dims 768/74/47, 50 frames, torch {torch.__version__}, device {device}")
    print(f"{'arch':<12} {'train s/epoch':>16} {'infer ms/clip':>18}")
    builders = {
        "late-fusion": lambda: LateFusion(dims),
        "e-mib": lambda: Mib("e-mib", dims),
        "l-mib": lambda: Mib("l-mib", dims),
        "c-mib": lambda: Mib("c-mib", dims),
    }
    throughput = []
    for name, build in builders.items():
        if only and name != only:
            continue
        torch.manual_seed(1)
        model = build().to(DEVICE)
        train(model, data, 1)  # warm-up
        per_epoch = train(model, data, epochs)
        model.eval()
        block = max(1, clips // 5)
        per_clip = float("inf")
        with torch.no_grad():
            for i in range(10):
                model(prepare(batch_of(data, torch.tensor([i % samples]))[0]), False)
            finish()
            for b in range(5):
                start = time.perf_counter()
                for i in range(block):
                    model(prepare(batch_of(data, torch.tensor([(b * block + i) % samples]))[0]), False)
                finish()
                per_clip = min(per_clip, (time.perf_counter() - start) / block * 1000)
        print(f"{name:<12} {per_epoch:>16.3f} {per_clip:>18.3f}", flush=True)
        with torch.no_grad():
            throughput.append((name, [clips_per_second(model, data, size) for size in (1, 32, 1024)]))
    print(f"\nbatch inference, clips/s\n{'arch':<12} {'batch 1':>12} {'batch 32':>12} {'batch 1024':>12}")
    for name, rates in throughput:
        print(f"{name:<12} {rates[0]:>12.0f} {rates[1]:>12.0f} {rates[2]:>12.0f}")


def clips_per_second(model, data, size):
    """Fastest of three rounds of at least 0.2 s of forward passes over one batch on the device."""
    inputs, _ = batch_of(data, torch.arange(size) % data[2].size(0))
    inputs = [(f.to(DEVICE), l.to(DEVICE)) for f, l in inputs]
    for _ in range(3):
        model(prepare(inputs), False)
    finish()
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        passes = 0
        while True:
            model(prepare(inputs), False)
            passes += 1
            finish()
            if time.perf_counter() - start >= 0.2:
                break
        best = max(best, passes * size / (time.perf_counter() - start))
    return best


if __name__ == "__main__":
    main()

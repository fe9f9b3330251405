"""KAN-MCP's inference written out again from the paper's description and the archive's own tensors,
in float64 with numpy and scipy: nothing of SentiLens's C++ is used.

    per modality m: x_m = mean over valid steps of (step - input_shift_m) / input_scale_m
                    z_m = W_mean relu(W_enc x_m + b_enc) + b_mean   (the bottleneck mean; 0 if absent)
                    p_m = W_dec z_m + b_dec                          (the modality's own prediction)
    KAN on [z_T, z_A, z_V]: phi_ij(x) = mask (scale_base silu(x) + scale_sp sum_c coef_c B_c(x)),
                    node_j = node_scale (subnode_scale sum_i phi_ij + subnode_bias) + node_bias
B_c are the B-splines of the layer's order on the layer's own (extended) grid row, evaluated with
scipy.interpolate.BSpline.basis_element (0 outside each basis function's support).
"""
import numpy as np
import torch
from scipy.interpolate import BSpline

MODALITY_NAMES = {"T": "text", "A": "audio", "V": "visual"}


class ReferenceError(Exception):
    pass


def archive_tensors(model_path):
    module = torch.jit.load(model_path, map_location="cpu")
    tensors = {name: t.detach().double().numpy() for name, t in module.named_parameters()}
    tensors.update({name: t.detach().double().numpy() for name, t in module.named_buffers()})
    return tensors


def spline_sum(knots, coef, order, x):
    """sum_c coef_c B_c(x) for the knot row `knots`, at the points x."""
    x = np.asarray(x, dtype=np.float64)
    total = np.zeros_like(x)
    for c in range(len(knots) - order - 1):
        basis = BSpline.basis_element(knots[c:c + order + 2], extrapolate=False)(x)
        total += coef[c] * np.nan_to_num(basis, nan=0.0)
    return total


def silu(x):
    return x / (1.0 + np.exp(-x))


class KanMcpReference:
    def __init__(self, model_path, description):
        if description.get("architecture") != "kan-mcp":
            raise ReferenceError(f"{model_path}: architecture {description.get('architecture')}, expected kan-mcp")
        config = description["config"]
        choices = config.get("choices", {})
        self.order = int(config.get("numbers", {}).get("spline_order", 3))
        # The reference covers the app's defaults only: other pooling or scaling is refused rather
        # than compared wrongly.
        if choices.get("pooling", "valid") != "valid" or choices.get("minmax", "off") != "off":
            raise ReferenceError(f"{model_path}: pooling/minmax settings other than valid/off are not covered")
        self.standardise = choices.get("input_scaling", "none") == "standardise"
        self.t = archive_tensors(model_path)
        self.layers = sorted({int(n.split(".")[2]) for n in self.t if n.startswith("kan.act_fun.")})
        self._check_names(model_path)

    def _check_names(self, model_path):
        """Every tensor in the archive must be one this reference reads: a model with a part it does
        not know (a new normalisation, say) fails here by name instead of disagreeing by numbers."""
        expected = set()
        for m in MODALITY_NAMES.values():
            for layer in ("encoder", "mean", "std", "decoder"):
                expected |= {f"{m}_bottleneck.{layer}.weight", f"{m}_bottleneck.{layer}.bias"}
            if self.standardise:
                expected |= {f"input_shift_{m}", f"input_scale_{m}"}
        for l in self.layers:
            for name in ("grid", "coef", "mask", "scale_base", "scale_sp", "subnode_scale", "subnode_bias",
                         "node_scale", "node_bias"):
                expected.add(f"kan.act_fun.{l}.{name}")
        unknown = sorted(set(self.t) - expected)
        missing = sorted(expected - set(self.t))
        if unknown or missing:
            raise ReferenceError(f"{model_path}: the Python reference does not match the archive "
                                 f"(unknown tensors {unknown}, missing {missing}); update tests/cli/oracle")

    def latent(self, steps):
        """steps: modality code -> (length, dims) float32 array of one clip. Returns z (9,)."""
        return np.concatenate([self.bottleneck_mean(steps, code) for code in MODALITY_NAMES])

    def unimodal(self, steps, code):
        """The modality's own prediction: its bottleneck's decoder on the mean (present or not)."""
        prefix = f"{MODALITY_NAMES[code]}_bottleneck."
        z = self.bottleneck_mean(steps, code, zero_if_absent=False)
        return float((self.t[prefix + "decoder.weight"] @ z + self.t[prefix + "decoder.bias"])[0])

    def bottleneck_mean(self, steps, code, zero_if_absent=True):
        """z_m of one modality; for fusion an absent modality's z is 0."""
        name = MODALITY_NAMES[code]
        x = np.asarray(steps[code], dtype=np.float64)
        prefix = f"{name}_bottleneck."
        if x.shape[0] == 0:
            # An absent modality: zero features (a mean of nothing is 0), and z zeroed for fusion.
            pooled = np.zeros(x.shape[1])
        else:
            # The model standardises in float32; the rounding is far below the tolerance.
            x = np.where(np.isfinite(x), x, 0.0)
            if self.standardise:
                x = (x - self.t[f"input_shift_{name}"]) / self.t[f"input_scale_{name}"]
            pooled = x.mean(axis=0)
        h = np.maximum(self.t[prefix + "encoder.weight"] @ pooled + self.t[prefix + "encoder.bias"], 0.0)
        z = self.t[prefix + "mean.weight"] @ h + self.t[prefix + "mean.bias"]
        return np.zeros_like(z) if (zero_if_absent and x.shape[0] == 0) else z

    def edge(self, layer, i, j, x):
        """(base, spline, total) of edge input i -> output j of `layer` at the points x."""
        p = f"kan.act_fun.{layer}."
        mask = self.t[p + "mask"][i, j]
        base = mask * self.t[p + "scale_base"][i, j] * silu(np.asarray(x, dtype=np.float64))
        spline = mask * self.t[p + "scale_sp"][i, j] * spline_sum(self.t[p + "grid"][i], self.t[p + "coef"][i, j],
                                                                  self.order, x)
        return base, spline, base + spline

    def kan(self, x):
        """The KAN's output and, per layer, (input, edges (out, in))."""
        trace = []
        for layer in self.layers:
            p = f"kan.act_fun.{layer}."
            inputs, outputs = self.t[p + "coef"].shape[:2]
            edges = np.array([[self.edge(layer, i, j, [x[i]])[2][0] for i in range(inputs)] for j in range(outputs)])
            trace.append((x, edges))
            sums = edges.sum(axis=1)
            x = self.t[p + "node_scale"] * (self.t[p + "subnode_scale"] * sums + self.t[p + "subnode_bias"]) + \
                self.t[p + "node_bias"]
        return x, trace

    def predict(self, steps):
        out, _ = self.kan(self.latent(steps))
        return float(out[0])

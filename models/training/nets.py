# SPDX-License-Identifier: Apache-2.0
"""Network architectures: plain U-Net, edge U-Net (depthwise-separable), U-Net with a
ResNeXt50-32x4d encoder (JMIR 2025 ROI method). All are fully convolutional, export to
ONNX opset 13 with plain Conv/BatchNorm/Relu/MaxPool/ConvTranspose/Resize/Concat ops."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def _conv_bn_relu(cin, cout, k=3):
    return [nn.Conv2d(cin, cout, k, padding=k // 2, bias=False), nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True)]


class DoubleConv(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(*_conv_bn_relu(cin, cout), *_conv_bn_relu(cout, cout))


class SeparableConv(nn.Sequential):
    """Depthwise 3x3 + pointwise 1x1, each with BatchNorm and ReLU."""

    def __init__(self, cin, cout):
        super().__init__(nn.Conv2d(cin, cin, 3, padding=1, groups=cin, bias=False),
                         nn.BatchNorm2d(cin), nn.ReLU(inplace=True),
                         nn.Conv2d(cin, cout, 1, bias=False), nn.BatchNorm2d(cout),
                         nn.ReLU(inplace=True))


class DoubleSeparable(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(SeparableConv(cin, cout), SeparableConv(cout, cout))


class UNet(nn.Module):
    """U-Net with ``depth`` 2x2 max-pool downsamplings and transposed-conv upsampling.
    ``separable`` selects depthwise-separable blocks (the edge variant); the first block is
    always a full convolution (a depthwise conv over 1-9 input channels learns little)."""

    def __init__(self, in_ch, out_ch, base=16, depth=4, separable=False):
        super().__init__()
        block = DoubleSeparable if separable else DoubleConv
        widths = [base * 2 ** i for i in range(depth + 1)]
        self.down = nn.ModuleList()
        cin = in_ch
        for i, w in enumerate(widths):
            self.down.append(DoubleConv(cin, w) if i == 0 else block(cin, w))
            cin = w
        self.up = nn.ModuleList()
        self.dec = nn.ModuleList()
        for w in reversed(widths[:-1]):
            self.up.append(nn.ConvTranspose2d(cin, w, 2, stride=2))
            self.dec.append(block(2 * w, w))
            cin = w
        self.head = nn.Conv2d(cin, out_ch, 1)

    def forward(self, x):
        skips = []
        for i, d in enumerate(self.down):
            if i > 0:
                x = F.max_pool2d(x, 2)
            x = d(x)
            skips.append(x)
        skips.pop()
        for up, dec in zip(self.up, self.dec):
            x = up(x)
            x = dec(torch.cat([x, skips.pop()], dim=1))
        return self.head(x)


class _DecoderBlock(nn.Module):
    def __init__(self, cin, skip, cout):
        super().__init__()
        self.conv = DoubleConv(cin + skip, cout)

    def forward(self, x, skip=None):
        x = F.interpolate(x, scale_factor=2.0, mode="nearest")
        if skip is not None:
            x = torch.cat([x, skip], dim=1)
        return self.conv(x)


class ResNeXtUNet(nn.Module):
    """U-Net with a torchvision ResNeXt50-32x4d encoder (as segmentation_models_pytorch's
    Unet('resnext50_32x4d'): decoder channels 256/128/64/32/16, nearest x2 upsampling,
    3x3 segmentation head). ``weights=None``: no pretrained weights are available offline.
    The stem takes ``in_ch`` channels directly. Input sides must be multiples of 32."""

    def __init__(self, in_ch=1, out_ch=1, decoder=(256, 128, 64, 32, 16), layers=(3, 4, 6, 3)):
        super().__init__()
        import torchvision
        if tuple(layers) == (3, 4, 6, 3):
            enc = torchvision.models.resnext50_32x4d(weights=None)
        else:  # same block type with fewer blocks per stage: only for the smoke test
            enc = torchvision.models.resnet.ResNet(torchvision.models.resnet.Bottleneck,
                                                   list(layers), groups=32, width_per_group=4)
        enc.conv1 = nn.Conv2d(in_ch, 64, 7, stride=2, padding=3, bias=False)
        self.stem = nn.Sequential(enc.conv1, enc.bn1, enc.relu)
        self.pool = enc.maxpool
        self.layers = nn.ModuleList([enc.layer1, enc.layer2, enc.layer3, enc.layer4])
        skips = [64] + [l[-1].conv3.out_channels for l in self.layers[:-1]]  # /2, /4, /8, /16
        cin = self.layers[-1][-1].conv3.out_channels
        self.blocks = nn.ModuleList()
        skip_ch = list(reversed(skips)) + [0]
        for s, c in zip(skip_ch, decoder):
            self.blocks.append(_DecoderBlock(cin, s, c))
            cin = c
        self.head = nn.Conv2d(cin, out_ch, 3, padding=1)

    def forward(self, x):
        x0 = self.stem(x)
        feats = [x0]
        y = self.pool(x0)
        for layer in self.layers:
            y = layer(y)
            feats.append(y)
        skips = list(reversed(feats[:-1])) + [None]
        for blk, s in zip(self.blocks, skips):
            y = blk(y, s)
        return self.head(y)


def build(arch, in_ch, out_ch, **kw):
    if arch == "unet":
        return UNet(in_ch, out_ch, base=kw.get("base", 16), depth=kw.get("depth", 4))
    if arch == "edge-unet":
        return UNet(in_ch, out_ch, base=kw.get("base", 16), depth=kw.get("depth", 4),
                    separable=True)
    if arch == "resnext50-unet":
        return ResNeXtUNet(in_ch, out_ch, layers=kw.get("layers", (3, 4, 6, 3)))
    raise ValueError(f"unknown architecture {arch!r}")


def count_params(m):
    return sum(p.numel() for p in m.parameters())

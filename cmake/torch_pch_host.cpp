// Compiles nothing of its own: the target exists to build the precompiled LibTorch header that
// cmake/SentiLensTorchPch.cmake shares with the Qt-side targets.

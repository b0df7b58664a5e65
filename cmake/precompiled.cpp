// The object that carries the libraries' shared precompiled header
// (cmake/FaceGateCompileOptions.cmake, facegate_pch); nothing of its own.

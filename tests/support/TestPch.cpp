// The object that carries the tests' shared precompiled header (tests/CMakeLists.txt,
// facegate_test_pch); nothing of its own.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// Double-precision libm functions under names that do not clash with the Real requirements.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }
@inline(__always) func _sin(_ x: Double) -> Double { sin(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }

package model

// SetSignaturePath turns the signature counting path on or off (tests only).
func SetSignaturePath(on bool) { noSigPath = !on }

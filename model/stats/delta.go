package stats

import "math"

// LogRateVar is the variance of log(p̂) for a rate p̂ = converted/entered
// (the delta method: (1−p)/(n·p)). The rate is smoothed by half a
// conversion in a record ((v+½)/(n+1)) so that a step where everyone (or
// almost no one) converted still carries its uncertainty. Converted may be
// fractional (observed conversions plus the expected conversions of
// records still open). 0 when nothing entered.
func LogRateVar(converted, entered float64) float64 {
	if entered <= 0 {
		return 0
	}
	p := (converted + 0.5) / (entered + 1)
	return (1 - p) / (entered * p)
}

// LogCountVar is the variance of log(n̂) for a Poisson count n (1/n): the
// uncertainty of a volume (leads a month) measured from n records.
func LogCountVar(n float64) float64 {
	if n <= 0 {
		return 0
	}
	return 1 / n
}

// DeltaLog propagates uncertainty through f by the delta method on the log
// scale. theta are the parameters (logs of rates and volumes), variance
// their variances (independent estimates); f maps parameters to positive
// outputs. It returns f(theta) and, per output, the standard error of its
// logarithm: sqrt(Σ_j (∂ log f_i / ∂θ_j)² var_j), the gradient taken by
// central differences. A parameter with zero or non-finite variance or
// value is held fixed. Outputs that are 0 get a standard error of 0.
func DeltaLog(f func(theta []float64) []float64, theta, variance []float64) (val, se []float64) {
	val = f(theta)
	se = make([]float64, len(val))
	work := append([]float64(nil), theta...)
	const h = 1e-5
	for j, v := range variance {
		if !(v > 0) || math.IsInf(v, 0) || math.IsNaN(theta[j]) || math.IsInf(theta[j], 0) {
			continue
		}
		work[j] = theta[j] + h
		up := f(work)
		work[j] = theta[j] - h
		down := f(work)
		work[j] = theta[j]
		for i := range val {
			if up[i] <= 0 || down[i] <= 0 {
				continue
			}
			g := (math.Log(up[i]) - math.Log(down[i])) / (2 * h)
			se[i] += g * g * v
		}
	}
	for i := range se {
		se[i] = math.Sqrt(se[i])
	}
	return val, se
}

// LogInterval is the interval x·exp(∓z·se), for an estimate x whose
// logarithm has standard error se (z = Z95 for 95%).
func LogInterval(x, se, z float64) (lo, hi float64) {
	if x <= 0 || se <= 0 {
		return x, x
	}
	return x * math.Exp(-z*se), x * math.Exp(z*se)
}

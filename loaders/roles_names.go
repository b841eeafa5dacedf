package loaders

// amountNames rank amount columns: the deal's value first, revenue next,
// expected or weighted values last.
var amountNames = map[string]float64{"est revenue": 9, "estimated revenue": 9, "est revenue base": 9, "amount": 10, "value": 9, "close value": 9, "deal value": 9, "revenue": 7, "acv": 8,
	"annual contract value": 7, "contract value": 7, "total contract value": 6, "tcv": 6, "arr": 6, "mrr": 5,
	"annual recurring revenue": 5, "monthly recurring revenue": 4, "price": 5, "bookings": 6, "booking": 6, "sales": 4,
	"size": 4, "total": 4, "amount in company currency": 8, "importe": 10, "monto": 10, "valor": 9, "betrag": 10, "montant": 10}

var notAmount = wordSet("expected", "weighted", "forecast", "prev", "previous", "probability", "balance", "budget",
	"quantity", "employees", "discount", "tax", "locations", "days", "lifecycle", "age", "score", "count", "number", "rate")

var probNames = map[string]float64{"probability": 10, "probability percent": 10, "prob": 8, "likelihood": 8, "win probability": 10,
	"chance": 6, "confidence": 4, "win percent": 8, "probabilidad": 10}

var sortNames = map[string]float64{"orden": 6, "reihenfolge": 6, "ordre": 6, "ordem": 6, "sort order": 10, "stage sort order": 10, "order": 6, "stage order": 10, "rank": 6,
	"sequence": 6, "seq": 5, "position": 5, "stage number": 8, "step number": 8}

var channelNames = map[string]float64{"channel": 10, "acquisition channel": 10, "lead source": 9, "source": 8,
	"original source": 8, "original source type": 7, "source type": 7, "origin": 7, "utm source": 7, "medium": 5,
	"latest source": 5, "origen": 7, "canal": 9, "fuente": 7, "quelle": 7}

var reasonNames = map[string]float64{"lost reason": 10, "loss reason": 10, "closed lost reason": 10, "reason lost": 10,
	"reason": 6, "lost": 2, "motivo": 6, "razon": 6, "grund": 6}

var accountNames = map[string]float64{"company": 10, "company name": 10, "account": 9, "account name": 10,
	"organization": 9, "organisation": 9, "organization name": 9, "org": 6, "customer": 7, "customer name": 9,
	"client": 7, "client name": 9, "associated company": 8, "empresa": 9, "firma": 9, "cuenta": 9}

var ownerNames = map[string]float64{"owner": 10, "deal owner": 10, "sales rep": 9, "rep": 8, "agent": 8, "sales agent": 9,
	"salesperson": 9, "assigned to": 8, "owner name": 10, "account executive": 8, "ae": 6, "propietario": 9}

var currencyNames = map[string]float64{"currency": 10, "currency code": 10, "currency iso code": 10, "iso code": 6, "moneda": 10, "waehrung": 10}

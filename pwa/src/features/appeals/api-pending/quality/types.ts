// Hand-written until quality.graphqls ships (see ../README.md); replace with generated types then.
export interface QualityFinding {
  rule: string
  message: string
  start: number
  end: number
  suggestion: string | null
}

export interface QualityReport {
  score: number
  readability: number | null
  findings: QualityFinding[]
}

export interface CheckAnswerQualityQuery {
  checkAnswerQuality: QualityReport
}

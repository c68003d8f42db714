//! Rebuilds the embedded model and its metrics, reproducibly:
//!
//! ```text
//! cargo run --release -p desk-triage --bin train-triage -- \
//!     --banking77 ../shared/data/banking77/train.csv --out crates/triage/model/triage.model
//! ```
//!
//! Every path defaults to its place relative to this crate. Hyper-parameter flags exist for
//! experiments; the committed model uses the defaults (`TrainConfig::default()`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use desk_triage::corpus::{self, evaluate, Corpus};
use desk_triage::train::{train, TrainConfig};

struct Args {
    banking77: PathBuf,
    zh: PathBuf,
    en: PathBuf,
    out: PathBuf,
    metrics: Option<PathBuf>,
    show_errors: bool,
    cfg: TrainConfig,
}

fn parse_args() -> Result<Args, String> {
    let model_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("model");
    let mut a = Args {
        banking77: corpus::default_banking77(),
        zh: corpus::default_zh(),
        en: corpus::default_en(),
        out: model_dir.join("triage.model"),
        metrics: None,
        show_errors: false,
        cfg: TrainConfig::default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        let num = |v: String| v.parse::<f32>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--banking77" => a.banking77 = val()?.into(),
            "--zh" => a.zh = val()?.into(),
            "--en" => a.en = val()?.into(),
            "--out" => a.out = val()?.into(),
            "--metrics" => a.metrics = Some(val()?.into()),
            "--bits" => a.cfg.bits = num(val()?)? as u8,
            "--epochs" => a.cfg.epochs = num(val()?)? as u32,
            "--lr" => a.cfg.lr = num(val()?)?,
            "--decay" => a.cfg.decay = num(val()?)?,
            "--l2" => a.cfg.l2 = num(val()?)?,
            "--zh-weight" => a.cfg.zh_weight = num(val()?)?,
            "--balance" => a.cfg.balance = num(val()?)?,
            "--show-errors" => a.show_errors = true,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    if !(10..=22).contains(&a.cfg.bits) {
        return Err("--bits must be 10..=22".into());
    }
    Ok(a)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\nusage: train-triage [--banking77 CSV] [--zh CSV] [--en CSV] [--out MODEL] [--metrics JSON] [--show-errors] [--bits N --epochs N --lr X --decay X --l2 X --zh-weight X --balance X]");
            return ExitCode::from(2);
        }
    };
    let corpus = match Corpus::load(&args.banking77, &args.zh, &args.en) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let model = train(&corpus.train, &args.cfg, corpus.fingerprint);
    let took = started.elapsed();
    let m = evaluate(&model, &corpus);
    println!(
        "trained on {} examples in {:.1?} ({:?})",
        m.n_train, took, args.cfg
    );
    println!(
        "validation n={} (en {}, zh {}): accuracy {:.4}  en {:.4}  zh {:.4}",
        m.n_val, m.n_val_en, m.n_val_zh, m.accuracy, m.accuracy_en, m.accuracy_zh
    );
    println!(
        "urgent recall {:.4} (account_security {:.4}, fraud {:.4}); {} features, {} bytes",
        m.urgent_recall, m.recall_account_security, m.recall_fraud, m.features, m.model_bytes
    );
    if args.show_errors {
        // Misclassified validation examples, for improving the hand-written data.
        for e in &corpus.val {
            let p = model.predict(&e.text);
            if p.category != e.category {
                println!(
                    "  {} → {} ({:.2}): {}",
                    e.category, p.category, p.confidence, e.text
                );
            }
        }
    }
    let metrics_path = args
        .metrics
        .unwrap_or_else(|| args.out.with_file_name("metrics.json"));
    let json = serde_json::to_string_pretty(&m).expect("metrics serialise") + "\n";
    let written = std::fs::write(&args.out, model.to_bytes())
        .and_then(|()| std::fs::write(&metrics_path, json));
    if let Err(e) = written {
        eprintln!("error: cannot write {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} and {}",
        args.out.display(),
        metrics_path.display()
    );
    ExitCode::SUCCESS
}

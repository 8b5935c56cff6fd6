//! Plan and price a contraction from Rust, without Python or arrays.
//!
//! ```text
//! cargo run --release -p mechestim-core --example plan_einsum
//! ```

use mechestim_core::einsum::{find_path, Contraction, Optimizer, Options, PathInfo};

fn main() -> Result<(), mechestim_core::Error> {
    // A matrix chain: the order decides the bill.
    let chain = Contraction::parse("ij,jk,kl->il", &[&[10, 20], &[20, 30], &[30, 5]])?;
    for name in ["auto", "greedy", "optimal"] {
        let path = find_path(&chain, &Optimizer::parse(name)?, &Options::default())?;
        println!(
            "{name:>8}: path {path:?} costs {} FLOPs",
            chain.path_cost(&path)?
        );
    }
    let left_to_right = vec![vec![0, 1], vec![0, 1]];
    println!(
        "explicit: path {left_to_right:?} costs {} FLOPs",
        chain.path_cost(&left_to_right)?
    );

    // A ring of 8 three-index tensors, planned and reported.
    let site: &[u64] = &[4, 4, 2];
    let ring = Contraction::parse("abi,bcj,cdk,del,efm,fgn,gho,hap->ijklmnop", &[site; 8])?;
    let path = find_path(&ring, &Optimizer::Auto, &Options::default())?;
    let info = PathInfo::new(&ring, &path)?;
    println!("\n{info}");
    Ok(())
}

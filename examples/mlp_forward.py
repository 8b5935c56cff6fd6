"""The seed example: a 5-layer, 256-wide MLP forward pass under an explicit budget."""

import mechestim as me

depth, width = 5, 256
with me.BudgetContext(flop_budget=10**8, namespace="mlp-forward") as budget:
    # Weight init — randn and multiply are both counted
    scale = me.sqrt(me.array(2 / width))
    weights = [me.multiply(me.random.randn(width, width), scale) for _ in range(depth)]

    # Forward pass
    x = me.random.randn(width)
    h = x
    for i, W in enumerate(weights):
        h = me.einsum("ij,j->i", W, h)  # linear layer
        if i < depth - 1:
            h = me.maximum(h, 0)  # ReLU

print(me.budget_summary())

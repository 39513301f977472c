{{
  config(
    materialized = 'view'
  )
}}

-- One row per order_id: its latest event in stg_jaffle_shop__order_completed by received_at_tstamp, replayed from the history.
with

history as (
    select *
    from {{ ref('stg_jaffle_shop__order_completed') }} as history_rows
),

ranked as (
    select
        *,
        row_number() over (partition by order_id order by received_at_tstamp desc, event_id desc) as _reflekt_rank
    from history
    where order_id is not null
)

select
    event_id,
    event_name,
    original_tstamp,
    sent_at_tstamp,
    received_at_tstamp,
    tstamp,
    anonymous_id,
    user_id,
    library_name,
    library_version,
    order_id,
    revenue,
    currency,
    products,
    call_type,
    source_schema,
    source_table,
    schema_id,
    schema_metadata
from ranked
where _reflekt_rank = 1

